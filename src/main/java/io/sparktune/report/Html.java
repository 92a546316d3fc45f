package io.sparktune.report;

import java.util.Locale;

/** Text made safe for HTML and inline SVG, element content and attribute values alike. */
final class Html {
    private Html() {
    }

    static String escape(Object value) {
        String text = value == null ? "" : text(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A value as people read it: numbers to six significant digits, Spark's lists as [a, b]. */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return seq.mkString("[", ", ", "]");
        }
        return String.valueOf(value);
    }

    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }

    /** A pixel coordinate for SVG attributes. */
    static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
