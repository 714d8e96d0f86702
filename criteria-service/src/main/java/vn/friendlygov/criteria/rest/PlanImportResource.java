package vn.friendlygov.criteria.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.plan.ImportReport;
import vn.friendlygov.criteria.plan.parse.PlanTextReader;
import vn.friendlygov.criteria.plan.parse.PlanWorkbookReader;
import vn.friendlygov.criteria.plan.parse.RawTable;
import vn.friendlygov.criteria.service.PlanImportService;

/**
 * {@code POST /api/v1/plans/import?ward=&year=} with the plan as the raw text export ({@code text/plain}), as a
 * workbook ({@code .xlsx}), or as a multipart form with a {@code file} part. Answers 201 with the import report the
 * first time, 200 afterwards.
 */
@Path("/api/v1/plans/import")
@Produces(MediaType.APPLICATION_JSON)
public class PlanImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PlanImportService imports;
    private final Actor actor;

    public PlanImportResource(PlanImportService imports, Actor actor) {
        this.imports = imports;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    public Response importText(@QueryParam("ward") @NotNull @Pattern(regexp = "[a-z0-9-]{2,100}") String ward,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, byte[] body) {
        return respond(imports.importPlan(actor, ward, year, PlanTextReader.read(utf8(body)), sha256(body)));
    }

    @POST
    @Consumes(XLSX)
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    public Response importWorkbook(@QueryParam("ward") @NotNull @Pattern(regexp = "[a-z0-9-]{2,100}") String ward,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, byte[] body) {
        return respond(imports.importPlan(actor, ward, year, workbook(body), sha256(body)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    public Response importMultipart(@QueryParam("ward") @NotNull @Pattern(regexp = "[a-z0-9-]{2,100}") String ward,
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "a part named file with the plan is required");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw ProblemException.invalid("file", "the uploaded file could not be read");
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        boolean xlsx = name.endsWith(".xlsx") || XLSX.equals(file.contentType());
        RawTable table = xlsx ? workbook(body) : PlanTextReader.read(utf8(body));
        return respond(imports.importPlan(actor, ward, year, table, sha256(body)));
    }

    private static Response respond(ImportReport report) {
        return Response.status(report.firstImport() ? 201 : 200).entity(report).build();
    }

    private static RawTable workbook(byte[] body) {
        try {
            return PlanWorkbookReader.read(new ByteArrayInputStream(body));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("file", "not a readable .xlsx workbook");
        }
    }

    private static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("file", "the plan file is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "the text export must be UTF-8");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new ProblemException(ProblemType.INTERNAL, "SHA-256 unavailable");
        }
    }
}
