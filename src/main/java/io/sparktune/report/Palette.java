package io.sparktune.report;

import java.util.Locale;

/** The report's colours: a viridis ramp for metric values and ten distinct colours for trials. */
final class Palette {
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    private static final String[] DISTINCT = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b",
        "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79"};
    /** The best-so-far line; no other mark uses it. */
    static final String BEST = "#d62728";

    private Palette() {
    }

    /** The ramp's colour at {@code fraction} in [0, 1]. */
    static String ramp(double fraction) {
        double f = Math.min(1, Math.max(0, Double.isNaN(fraction) ? 0 : fraction)) * (VIRIDIS.length - 1);
        int i = Math.min((int) f, VIRIDIS.length - 2);
        double t = f - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(a[0], b[0], t), mix(a[1], b[1], t), mix(a[2], b[2], t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    static String distinct(int i) {
        return DISTINCT[i % DISTINCT.length];
    }
}
