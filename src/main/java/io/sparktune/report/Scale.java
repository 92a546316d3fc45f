package io.sparktune.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Maps a value onto [0, 1] along a plot axis, and says where its ticks go. */
sealed interface Scale {

    /** Where {@code value} sits, 0 at the axis' start; NaN when it cannot be placed (absent, or not on this axis). */
    double fraction(Object value);

    List<Tick> ticks();

    /** A labelled place on the axis. */
    record Tick(double fraction, String label) {
    }

    /** The scale that fits {@code values}: numbers on a linear or log axis, anything else as categories. */
    static Scale fit(Collection<?> values, boolean log) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        List<String> labels = new ArrayList<>();
        boolean numeric = true;
        for (Object v : values) {
            if (v == null) {
                continue;
            }
            labels.add(Html.text(v));
            if (v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                min = Math.min(min, n.doubleValue());
                max = Math.max(max, n.doubleValue());
            } else {
                numeric = false;
            }
        }
        if (!numeric) {
            return new Category(List.copyOf(new TreeSet<>(labels)));
        }
        if (min > max) {
            return new Linear(0, 1);
        }
        return log && min > 0 ? Log.of(min, max) : Linear.of(min, max);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Evenly spaced numbers. */
    record Linear(double min, double max) implements Scale {
        static Linear of(double min, double max) {
            if (min == max) {
                double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
                return new Linear(min - pad, max + pad);
            }
            double pad = (max - min) * 0.04;
            return new Linear(min - pad, max + pad);
        }

        @Override
        public double fraction(Object value) {
            return (number(value) - min) / (max - min);
        }

        @Override
        public List<Tick> ticks() {
            double raw = (max - min) / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / magnitude >= 5 ? 5 * magnitude : raw / magnitude >= 2 ? 2 * magnitude : magnitude;
            List<Tick> ticks = new ArrayList<>();
            for (double t = Math.ceil(min / step) * step; t <= max; t += step) {
                double clean = Math.abs(t) < step * 1e-9 ? 0 : t;
                ticks.add(new Tick(fraction(clean), Html.number(clean)));
            }
            return ticks;
        }
    }

    /** Numbers spread over orders of magnitude, as log-uniform domains are. */
    record Log(double min, double max) implements Scale {
        static Log of(double min, double max) {
            double pad = min == max ? 2 : Math.pow(max / min, 0.04);
            return new Log(min / pad, max * pad);
        }

        @Override
        public double fraction(Object value) {
            double v = number(value);
            return v > 0 ? Math.log(v / min) / Math.log(max / min) : Double.NaN;
        }

        @Override
        public List<Tick> ticks() {
            List<Tick> ticks = new ArrayList<>();
            for (double e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e++) {
                double t = Math.pow(10, e);
                ticks.add(new Tick(fraction(t), Html.number(t)));
            }
            if (ticks.size() < 2) {
                ticks.clear();
                for (int i = 0; i <= 4; i++) {
                    double t = Double.parseDouble(String.format(Locale.ROOT, "%.2g", min * Math.pow(max / min, (0.5 + 3 * i) / 13.0)));
                    ticks.add(new Tick(fraction(t), Html.number(t)));
                }
            }
            return ticks;
        }
    }

    /** Unordered values, spread evenly in their text order. */
    record Category(List<String> values) implements Scale {
        @Override
        public double fraction(Object value) {
            int i = value == null ? -1 : values.indexOf(Html.text(value));
            return i < 0 ? Double.NaN : (i + 0.5) / values.size();
        }

        @Override
        public List<Tick> ticks() {
            int every = Math.max(1, values.size() / 12);
            List<Tick> ticks = new ArrayList<>();
            for (int i = 0; i < values.size(); i += every) {
                String label = values.get(i);
                ticks.add(new Tick((i + 0.5) / values.size(), label.length() > 14 ? label.substring(0, 13) + "…" : label));
            }
            return ticks;
        }
    }
}
