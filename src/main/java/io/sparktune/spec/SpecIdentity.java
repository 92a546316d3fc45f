package io.sparktune.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Compares two specs' identities and names the first place where they differ. */
public final class SpecIdentity {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecIdentity() {
    }

    /** Empty when the two are the same sweep, else e.g. {@code params.lr: was "loguniform[1e-4:0.1]", now "[0.1,0.2]"}. */
    public static Optional<String> firstDifference(String stored, String current) {
        try {
            return difference("", JSON.readTree(stored), JSON.readTree(current));
        } catch (JsonProcessingException e) {
            return Optional.of("the stored spec is unreadable: " + e.getOriginalMessage());
        }
    }

    private static Optional<String> difference(String path, JsonNode wasWritten, JsonNode nowWritten) {
        JsonNode was = shorthand(wasWritten);
        JsonNode now = shorthand(nowWritten);
        if (was == null || now == null || was.getNodeType() != now.getNodeType() || !was.isContainerNode()) {
            if (was != null && was.equals(now)) {
                return Optional.empty();
            }
            return Optional.of((path.isEmpty() ? "spec" : path) + ": was " + show(was) + ", now " + show(now));
        }
        if (was.isArray()) {
            for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
                Optional<String> d = difference(path + "[" + i + "]", was.get(i), now.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        TreeSet<String> keys = new TreeSet<>();
        was.fieldNames().forEachRemaining(keys::add);
        now.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            Optional<String> d = difference(path.isEmpty() ? key : path + "." + key, was.get(key), now.get(key));
            if (d.isPresent()) {
                return d;
            }
        }
        // Parameter order fixes which grid point each trial id is, so a reordering is a different sweep.
        List<String> wasOrder = new ArrayList<>();
        List<String> nowOrder = new ArrayList<>();
        was.fieldNames().forEachRemaining(wasOrder::add);
        now.fieldNames().forEachRemaining(nowOrder::add);
        if (!wasOrder.equals(nowOrder)) {
            return Optional.of((path.isEmpty() ? "spec" : path) + ": keys were in the order " + wasOrder + ", now " + nowOrder);
        }
        return Optional.empty();
    }

    /**
     * {@code {"type": "random"}} as {@code "random"}: a flag that sets a plugin's option, such as
     * {@code --seed} on {@code "searcher": "random"}, writes the object form, and the option itself is
     * not part of the identity, so a resume without the flag must match it.
     */
    private static JsonNode shorthand(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && node.path("type").isTextual() ? node.get("type") : node;
    }

    private static String show(JsonNode node) {
        return node == null ? "absent" : node.toString();
    }
}
