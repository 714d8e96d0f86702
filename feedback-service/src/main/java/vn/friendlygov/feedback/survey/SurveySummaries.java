package vn.friendlygov.feedback.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.friendlygov.feedback.survey.SurveyRequests.Question;
import vn.friendlygov.feedback.survey.SurveyRequests.Summary;
import vn.friendlygov.feedback.survey.SurveyRequests.SummaryLine;

/**
 * The summary table of a survey: per question, each answer with its count and share of the responses; per scale
 * question, the average. Free-text questions count who answered (their text is read in the responses).
 */
@ApplicationScoped
public class SurveySummaries {

    private final ObjectMapper mapper;
    private final SurveyService surveys;

    public SurveySummaries(ObjectMapper mapper, SurveyService surveys) {
        this.mapper = mapper;
        this.surveys = surveys;
    }

    public Summary summarise(Survey s) {
        List<SurveyResponse> responses = SurveyResponse.list("surveyId", s.id);
        List<Map<String, String>> answers = responses.stream().map(this::read).toList();
        long total = responses.size();
        List<SummaryLine> lines = new ArrayList<>();
        Map<String, Double> averages = new LinkedHashMap<>();
        for (Question q : surveys.questions(s)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            switch (q.type()) {
                case SCALE -> {
                    for (int i = 5; i >= 1; i--) {
                        counts.put(String.valueOf(i), 0L);
                    }
                }
                case CHOICE -> q.options().forEach(o -> counts.put(o, 0L));
                case TEXT -> counts.put("Có ý kiến", 0L);
            }
            long sum = 0;
            long n = 0;
            for (Map<String, String> a : answers) {
                String v = a.get(q.code());
                if (v == null) {
                    continue;
                }
                String key = q.type() == SurveyRequests.QuestionType.TEXT ? "Có ý kiến" : v;
                counts.merge(key, 1L, Long::sum);
                if (q.type() == SurveyRequests.QuestionType.SCALE) {
                    sum += Integer.parseInt(v);
                    n++;
                }
            }
            counts.forEach((answer, count) -> lines.add(new SummaryLine(q.code(), q.text(), answer, count,
                    total == 0 ? 0 : Math.round(count * 1000.0 / total) / 10.0)));
            if (n > 0) {
                averages.put(q.code(), Math.round(sum * 100.0 / n) / 100.0);
            }
        }
        long online = responses.stream().filter(r -> r.channel.equals("ONLINE")).count();
        return new Summary(s.code, s.title, total, online, total - online, lines, averages);
    }

    private Map<String, String> read(SurveyResponse r) {
        try {
            return mapper.readValue(r.answers, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
