package vn.friendlygov.common.messaging;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * {@link ConsumerRetry} around a method marked {@link RetryTransientFailures}. Runs before (outside) the transaction
 * interceptor, so every attempt is a fresh transaction and a failed attempt leaves nothing behind.
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureRetry {

    private final ConsumerRetry retry;

    public TransientFailureRetry(ConsumerRetry retry) {
        this.retry = retry;
    }

    @AroundInvoke
    Object retry(InvocationContext invocation) throws Exception {
        return retry.call(invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName(), invocation::proceed);
    }
}
