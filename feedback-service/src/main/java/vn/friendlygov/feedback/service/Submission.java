package vn.friendlygov.feedback.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.friendlygov.feedback.intake.FeedbackChannel;

/**
 * One case as any door hands it in, before cleaning and routing. {@code recordedBy} is the officer who typed it, or
 * the door's name ("citizen", "open311:&lt;client&gt;", "zalo") — never a citizen's identity.
 */
public record Submission(String ward, FeedbackChannel channel, String category, String content, String name,
        String phone, String email, String address, Double latitude, Double longitude, List<String> photos,
        Map<String, String> attributes, String channelUserId, LocalDate collectionDate, String collectionSource,
        String recordedBy) {

    public static Submission of(String ward, FeedbackChannel channel, String category, String content,
            String recordedBy) {
        return new Submission(ward, channel, category, content, null, null, null, null, null, null, List.of(),
                Map.of(), null, null, null, recordedBy);
    }

    public Submission withCitizen(String name, String phone, String email, String address) {
        return new Submission(ward, channel, category, content, name, phone, email, address, latitude, longitude,
                photos, attributes, channelUserId, collectionDate, collectionSource, recordedBy);
    }

    public Submission withPlace(Double latitude, Double longitude, List<String> photos) {
        return new Submission(ward, channel, category, content, name, phone, email, address, latitude, longitude,
                photos == null ? List.of() : photos, attributes, channelUserId, collectionDate, collectionSource,
                recordedBy);
    }

    public Submission withAttributes(Map<String, String> attributes) {
        return new Submission(ward, channel, category, content, name, phone, email, address, latitude, longitude,
                photos, attributes == null ? Map.of() : attributes, channelUserId, collectionDate, collectionSource,
                recordedBy);
    }

    public Submission withChannelUser(String channelUserId) {
        return new Submission(ward, channel, category, content, name, phone, email, address, latitude, longitude,
                photos, attributes, channelUserId, collectionDate, collectionSource, recordedBy);
    }

    public Submission withCollection(LocalDate collectionDate, String collectionSource) {
        return new Submission(ward, channel, category, content, name, phone, email, address, latitude, longitude,
                photos, attributes, channelUserId, collectionDate, collectionSource, recordedBy);
    }
}
