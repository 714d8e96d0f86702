package vn.friendlygov.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.PathPart;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.evidence.domain.EvidenceFile;
import vn.friendlygov.evidence.service.EvidenceQueries;
import vn.friendlygov.evidence.storage.BlobStore;

/**
 * Downloads a stored file with its detected type, its original (Vietnamese) name and byte-range support: from the
 * filesystem store by {@code sendfile} (zero-copy), from S3 streamed in chunks. The content never changes, so its SHA-256 is a strong ETag.
 */
@Path("/api/v1/evidence/{id}/files/{fileId}/content")
public class FileContentResource {

    private static final int CHUNK = 256 * 1024;

    private final EvidenceQueries queries;
    private final BlobStore store;

    public FileContentResource(EvidenceQueries queries, BlobStore store) {
        this.queries = queries;
        this.store = store;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.REVIEWER, Roles.ADMIN})
    public Response download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId,
            @HeaderParam("Range") String rangeHeader, @HeaderParam("If-Range") String ifRange) {
        EvidenceFile file = queries.file(id, fileId);
        String etag = "\"" + file.sha256 + "\"";
        Optional<ByteRange> range;
        try {
            // a stale If-Range (another representation) means: send the whole file
            range = ifRange != null && !ifRange.strip().equals(etag) ? Optional.empty()
                    : ByteRange.parse(rangeHeader, file.size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).type(Problem.MEDIA_TYPE)
                    .header("Content-Range", "bytes */" + file.size)
                    .entity(new Problem(ProblemType.INVALID_REQUEST.uri(), "Range not satisfiable", 416,
                            "the file has " + file.size + " bytes; the range " + rangeHeader + " lies outside it",
                            null, null))
                    .build();
        }
        long offset = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.size);
        // a stored file is sent by the kernel (sendfile: no copy through the heap); an S3 object is streamed
        Object body = store.localFile(file.sha256).<Object>map(p -> new PathPart(p, offset, length))
                .orElseGet(() -> (StreamingOutput) out -> {
                    try (InputStream in = store.open(file.sha256, offset, length)) {
                        byte[] buffer = new byte[CHUNK];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            out.write(buffer, 0, n);
                        }
                    }
                });
        Response.ResponseBuilder r = Response.status(range.isPresent() ? 206 : 200)
                .type(file.mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header("Content-Disposition", ContentDisposition.attachment(file.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .entity(body);
        range.ifPresent(b -> r.header("Content-Range", "bytes " + b.start() + "-" + b.end() + "/" + file.size));
        return r.build();
    }
}
