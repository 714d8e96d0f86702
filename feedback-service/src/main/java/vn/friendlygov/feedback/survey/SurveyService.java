package vn.friendlygov.feedback.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.intake.PlainText;
import vn.friendlygov.feedback.survey.SurveyRequests.Question;
import vn.friendlygov.feedback.survey.SurveyRequests.QuestionType;
import vn.friendlygov.feedback.survey.SurveyRequests.SurveyDefinition;

/** Defines questionnaires, takes answers (online and from paper) with their events, and checks them. */
@ApplicationScoped
public class SurveyService {

    public static final String TOPIC = "feedback.survey-events.v1";
    public static final String ANSWERED = "vn.friendlygov.feedback.survey.answered.v1";

    /** The data of {@code survey.answered}: no answers, no person. */
    public record SurveyAnswered(String surveyId, String ward, String responseId, String channel,
            java.time.Instant answeredAt) {
    }

    private final ObjectMapper mapper;
    private final Outbox outbox;

    public SurveyService(ObjectMapper mapper, Outbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @Transactional
    public Survey define(String ward, SurveyDefinition d, String actor) {
        List<Problem.Violation> v = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < d.questions().size(); i++) {
            Question q = d.questions().get(i);
            if (!codes.add(q.code())) {
                v.add(new Problem.Violation("questions[" + i + "].code", "used twice"));
            }
            int options = q.options() == null ? 0 : q.options().size();
            if (q.type() == QuestionType.CHOICE && options < 2) {
                v.add(new Problem.Violation("questions[" + i + "].options", "a choice needs at least 2 options"));
            }
        }
        if (!v.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid questions", v);
        }
        if (Survey.of(ward, d.code()).isPresent()) {
            throw ProblemException.conflict("survey " + d.code() + " exists in ward " + ward);
        }
        Survey s = new Survey();
        s.id = UUID.randomUUID();
        s.ward = ward;
        s.code = d.code();
        s.title = d.title();
        s.questions = write(d.questions());
        s.createdBy = actor;
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        return s;
    }

    public Survey find(String ward, String code) {
        return Survey.of(ward, code).orElseThrow(() -> ProblemException.notFound("survey", code));
    }

    public List<Question> questions(Survey s) {
        try {
            return mapper.readValue(s.questions, new TypeReference<List<Question>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the forms (all or none) and announces each; {@code prefix} names a paper form ("forms[2]."). */
    @Transactional
    public int answer(Survey s, List<Map<String, String>> forms, String channel, String enteredBy) {
        List<Question> questions = questions(s);
        List<Problem.Violation> v = new ArrayList<>();
        List<Map<String, String>> clean = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            String prefix = channel.equals("PAPER") ? "forms[" + i + "].answers." : "answers.";
            clean.add(check(questions, forms.get(i), prefix, v));
        }
        if (!v.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid answers", v);
        }
        for (Map<String, String> answers : clean) {
            SurveyResponse r = new SurveyResponse();
            r.id = UUID.randomUUID();
            r.surveyId = s.id;
            r.channel = channel;
            r.answers = write(answers);
            r.answeredAt = OffsetDateTime.now(ZoneOffset.UTC);
            r.enteredBy = enteredBy;
            r.persist();
            outbox.publish(TOPIC, ANSWERED, s.id.toString(), s.ward, new SurveyAnswered(s.id.toString(), s.ward,
                    r.id.toString(), channel, r.answeredAt.toInstant()));
        }
        return clean.size();
    }

    private static Map<String, String> check(List<Question> questions, Map<String, String> given, String prefix,
            List<Problem.Violation> v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String code : given.keySet()) {
            if (questions.stream().noneMatch(q -> q.code().equals(code))) {
                v.add(new Problem.Violation(prefix + code, "no such question"));
            }
        }
        for (Question q : questions) {
            String a = PlainText.cleanOrNull(given.get(q.code()));
            if (a == null) {
                if (q.required()) {
                    v.add(new Problem.Violation(prefix + q.code(), "an answer is required"));
                }
                continue;
            }
            switch (q.type()) {
                case SCALE -> {
                    if (!a.matches("[1-5]")) {
                        v.add(new Problem.Violation(prefix + q.code(), "a number from 1 to 5"));
                    }
                }
                case CHOICE -> {
                    if (!q.options().contains(a)) {
                        v.add(new Problem.Violation(prefix + q.code(), "one of " + q.options()));
                    }
                }
                case TEXT -> {
                    if (a.length() > 2000) {
                        v.add(new Problem.Violation(prefix + q.code(), "at most 2000 characters"));
                    }
                }
            }
            out.put(q.code(), a);
        }
        return out;
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
