package vn.friendlygov.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 add, replace and remove with RFC 6901 pointers: what the overlays' JSON patches use. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode target, JsonNode operations) {
        for (JsonNode op : operations) {
            String kind = op.path("op").asText();
            String path = op.path("path").asText();
            int slash = path.lastIndexOf('/');
            JsonNode parent = locate(target, path.substring(0, slash), path);
            String last = unescape(path.substring(slash + 1));
            switch (kind) {
                case "add" -> add(parent, last, op.get("value"), path);
                case "replace" -> replace(parent, last, op.get("value"), path);
                case "remove" -> remove(parent, last, path);
                default -> throw new UnsupportedOperationException("JSON patch op " + kind + " is not supported");
            }
        }
    }

    private static JsonNode locate(JsonNode root, String pointer, String whole) {
        JsonNode node = root;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            String key = unescape(token);
            node = node.isArray() ? node.path(Integer.parseInt(key)) : node.path(key);
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("JSON patch path " + whole + " does not exist");
            }
        }
        return node;
    }

    private static void add(JsonNode parent, String key, JsonNode value, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(key, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(key)) {
                array.add(value.deepCopy());
            } else {
                array.insert(Integer.parseInt(key), value.deepCopy());
            }
        } else {
            throw new IllegalArgumentException("JSON patch add: " + path + " is not inside a container");
        }
    }

    private static void replace(JsonNode parent, String key, JsonNode value, String path) {
        requirePresent(parent, key, path);
        if (parent instanceof ObjectNode object) {
            object.set(key, value.deepCopy());
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), value.deepCopy());
        }
    }

    private static void remove(JsonNode parent, String key, String path) {
        requirePresent(parent, key, path);
        if (parent instanceof ObjectNode object) {
            object.remove(key);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(key));
        }
    }

    private static void requirePresent(JsonNode parent, String key, String path) {
        boolean present = parent.isArray()
                ? key.matches("\\d+") && Integer.parseInt(key) < parent.size()
                : parent.has(key);
        if (!present) {
            throw new IllegalArgumentException("JSON patch path " + path + " does not exist");
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
