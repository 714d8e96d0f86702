package vn.friendlygov.common.messaging;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A consumer method whose failures are retried with backoff, each attempt in a new transaction, before the failure
 * is let through to the channel's failure strategy (the dead-letter topic). A {@link
 * vn.friendlygov.common.events.MalformedEventException} is never retried: such an event can never be processed.
 * Put it next to {@code @Transactional}; the retry wraps the transaction.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryTransientFailures {
}
