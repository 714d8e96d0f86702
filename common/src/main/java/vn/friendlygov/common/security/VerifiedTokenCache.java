package vn.friendlygov.common.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decorates smallrye-jwt's {@link JWTParser} (which Quarkus' bearer-token authentication calls for every request)
 * with {@link VerifiedTokens}: a token verified before is not verified again until it expires. Only
 * {@link #parse(String)}, the call that verifies with the configured key, issuer and algorithm, is remembered;
 * every other method goes straight to the parser.
 *
 * <p>Every service has it (this module is each service's bean archive). {@code friendlygov.security.token-cache}
 * ({@code FRIENDLYGOV_SECURITY_TOKEN_CACHE}, default {@code true}) turns it off: then every request is verified in
 * full, as before (to measure it, or to rule it out when a token is accepted unexpectedly).
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    /** Tokens remembered at most (a few KiB each with their parsed claims). */
    static final int CAPACITY = 1024;
    /** A remembered token is verified again after this long at the latest, even if it is valid for longer. */
    static final long MAX_SECONDS = 300;

    private final JWTParser delegate;
    /** {@code null} when turned off. */
    private final VerifiedTokens tokens;

    @Inject
    public VerifiedTokenCache(@Delegate @Any JWTParser delegate,
            @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> tokenAge,
            @ConfigProperty(name = "friendlygov.security.token-cache", defaultValue = "true") boolean enabled) {
        this.delegate = delegate;
        this.tokens = enabled ? new VerifiedTokens(CAPACITY, MAX_SECONDS, tokenAge.orElse(-1L), Clock.systemUTC())
                : null;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens == null ? delegate.parse(token) : tokens.parse(token, delegate::parse);
    }
}
