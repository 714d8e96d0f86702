package vn.friendlygov.feedback.survey;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.ratelimit.RateLimited;
import vn.friendlygov.feedback.service.Idempotency;
import vn.friendlygov.feedback.survey.SurveyRequests.Answers;
import vn.friendlygov.feedback.survey.SurveyRequests.PaperForms;
import vn.friendlygov.feedback.survey.SurveyRequests.Question;
import vn.friendlygov.feedback.survey.SurveyRequests.ResponseReceipt;
import vn.friendlygov.feedback.survey.SurveyRequests.Summary;
import vn.friendlygov.feedback.survey.SurveyRequests.SummaryLine;
import vn.friendlygov.feedback.survey.SurveyRequests.SurveyDefinition;

/** A ward's satisfaction surveys: defined by its leaders, answered by citizens online or on paper, summarised. */
@Path("/api/v1/wards/{ward}/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record SurveyView(String code, String title, List<Question> questions) {
    }

    private final Actor actor;
    private final SurveyService surveys;
    private final SurveySummaries summaries;
    private final Idempotency idempotency;

    public SurveyResource(Actor actor, SurveyService surveys, SurveySummaries summaries, Idempotency idempotency) {
        this.actor = actor;
        this.surveys = surveys;
        this.summaries = summaries;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    public Response define(@PathParam("ward") String ward, @NotNull @Valid SurveyDefinition definition) {
        actor.requireWard(ward);
        Survey s = surveys.define(ward, definition, actor.id());
        return Response.status(201).entity(new SurveyView(s.code, s.title, surveys.questions(s))).build();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Transactional
    public SurveyView get(@PathParam("ward") String ward, @PathParam("code") String code) {
        Survey s = surveys.find(ward, code);
        return new SurveyView(s.code, s.title, surveys.questions(s));
    }

    @POST
    @Path("/{code}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited
    @Transactional
    public Response answerOnline(@PathParam("ward") String ward, @PathParam("code") String code,
            @NotNull @Valid Answers answers, @HeaderParam("Idempotency-Key") String key) {
        Survey s = surveys.find(ward, code);
        String scope = "survey:" + s.id;
        if (key != null) {
            Optional<ResponseReceipt> earlier = idempotency.claim(scope, key, answers, ResponseReceipt.class);
            if (earlier.isPresent()) {
                return Response.status(201).entity(earlier.get()).header("Idempotent-Replayed", "true").build();
            }
        }
        ResponseReceipt r = new ResponseReceipt(code, surveys.answer(s, List.of(answers.answers()), "ONLINE", null));
        if (key != null) {
            idempotency.complete(scope, key, r);
        }
        return Response.status(201).entity(r).build();
    }

    @POST
    @Path("/{code}/paper-responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    public Response enterPaper(@PathParam("ward") String ward, @PathParam("code") String code,
            @NotNull @Valid PaperForms forms) {
        actor.requireWard(ward);
        Survey s = surveys.find(ward, code);
        List<Map<String, String>> answers = forms.forms().stream().map(Answers::answers).toList();
        return Response.status(201).entity(new ResponseReceipt(code, surveys.answer(s, answers, "PAPER", actor.id())))
                .build();
    }

    @GET
    @Path("/{code}/summary")
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    @Transactional
    public Summary summary(@PathParam("ward") String ward, @PathParam("code") String code) {
        actor.requireWard(ward);
        return summaries.summarise(surveys.find(ward, code));
    }

    @GET
    @Path("/{code}/summary.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    @Transactional
    public Response summaryXlsx(@PathParam("ward") String ward, @PathParam("code") String code) {
        actor.requireWard(ward);
        Summary s = summaries.summarise(surveys.find(ward, code));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("BẢNG TỔNG HỢP KẾT QUẢ KHẢO SÁT"));
        rows.add(List.of(s.title()));
        rows.add(List.of("Số phiếu", s.responses(), "Trực tuyến", s.online(), "Phiếu giấy", s.paper()));
        rows.add(List.of());
        rows.add(List.of("Mã câu hỏi", "Câu hỏi", "Trả lời", "Số phiếu", "Tỷ lệ (%)"));
        for (SummaryLine l : s.lines()) {
            rows.add(List.of(l.questionCode(), l.question(), l.answer(), l.count(), l.percent()));
        }
        rows.add(List.of());
        s.averages().forEach((q, avg) -> rows.add(List.of(q, "Điểm trung bình (1–5)", "", avg)));
        String file = "bang-tong-hop-" + s.surveyCode().toLowerCase() + ".xlsx";
        return Response.ok(XlsxTable.write("Tổng hợp", rows), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(file, StandardCharsets.UTF_8)).build();
    }
}
