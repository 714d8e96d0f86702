package vn.friendlygov.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;

class IfMatchTest {

    @Test
    void readsStrongAndWeakTagsAndNoPrecondition() {
        assertEquals(3L, IfMatch.version("\"3\""));
        assertEquals(3L, IfMatch.version(" W/\"3\" "));
        assertNull(IfMatch.version(null));
        assertNull(IfMatch.version("*"));
        assertEquals(ProblemType.PRECONDITION_FAILED,
                assertThrows(ProblemException.class, () -> IfMatch.version("\"abc\"")).type());
    }
}
