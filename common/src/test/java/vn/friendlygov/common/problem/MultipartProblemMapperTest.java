package vn.friendlygov.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MultipartProblemMapperTest {

    @Test
    void aFailureOfTheMultipartParserIsTheClientsFaultAndAnyOtherIOFailureIsOurs() {
        IOException fromParser = new IOException("no closing boundary");
        fromParser.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.jboss.resteasy.reactive.server.core.multipart.MultipartParser", "parse", "MultipartParser.java", 1)});
        Response bad = new MultipartProblemMapper().io(fromParser, null, null);
        assertEquals(400, bad.getStatus());
        assertEquals(Problem.MEDIA_TYPE, bad.getMediaType().toString());
        assertEquals("body", ((Problem) bad.getEntity()).violations().get(0).field());

        Response ours = new MultipartProblemMapper().io(new IOException("disk full"), null, null);
        assertEquals(500, ours.getStatus());
    }
}
