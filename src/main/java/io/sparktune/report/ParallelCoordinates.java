package io.sparktune.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Parallel coordinates as inline SVG: one vertical axis per parameter and one for the metric, one
 * line per trial, coloured by the metric with the best trials drawn last (on top) in the ramp's
 * brightest colour.
 */
final class ParallelCoordinates {
    private static final int AXIS_GAP = 120;
    private static final int HEIGHT = 330;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;
    private static final int SIDE = 50;

    /** One trial: its value on each axis, its objective's place on the colour ramp, and its tooltip. */
    record Line(List<Object> values, double colour, String tip) {
    }

    private ParallelCoordinates() {
    }

    /** @param lines drawn in order, so the caller puts the best last */
    static String svg(String title, List<String> axes, List<Scale> scales, List<Line> lines) {
        int width = Math.max(XyChart.WIDTH, SIDE * 2 + AXIS_GAP * (axes.size() - 1));
        double gap = axes.size() > 1 ? (width - 2.0 * SIDE) / (axes.size() - 1) : 0;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"")
                .append(width).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(HEIGHT).append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title><text class=\"title\" x=\"")
                .append(SIDE).append("\" y=\"18\">").append(Html.escape(title)).append("</text><g class=\"lines\">");
        for (Line line : lines) {
            List<String> segment = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                double f = scales.get(a).fraction(line.values().get(a));
                if (Double.isFinite(f)) {
                    segment.add(Html.px(SIDE + a * gap) + "," + Html.px(y(f)));
                } else {
                    polyline(svg, segment, line);
                    segment.clear();
                }
            }
            polyline(svg, segment, line);
        }
        svg.append("</g><g class=\"axis\">");
        for (int a = 0; a < axes.size(); a++) {
            String at = Html.px(SIDE + a * gap);
            svg.append("<line x1=\"").append(at).append("\" y1=\"").append(TOP).append("\" x2=\"").append(at).append("\" y2=\"")
                    .append(HEIGHT - BOTTOM).append("\"/>");
            for (Scale.Tick t : scales.get(a).ticks()) {
                svg.append("<text class=\"tick\" x=\"").append(Html.px(SIDE + a * gap + 4)).append("\" y=\"").append(Html.px(y(t.fraction())))
                        .append("\" dy=\"3\">").append(Html.escape(t.label())).append("</text>");
            }
            svg.append("<text x=\"").append(at).append("\" y=\"").append(HEIGHT - BOTTOM + 20).append("\" text-anchor=\"middle\">")
                    .append(Html.escape(axes.get(a))).append("</text>");
        }
        return svg.append("</g></svg>").toString();
    }

    private static double y(double fraction) {
        return TOP + (1 - fraction) * (HEIGHT - TOP - BOTTOM);
    }

    private static void polyline(StringBuilder svg, List<String> points, Line line) {
        if (points.size() < 2) {
            return;
        }
        svg.append("<polyline points=\"").append(String.join(" ", points)).append("\" stroke=\"").append(Palette.ramp(line.colour()))
                .append("\"><title>").append(Html.escape(line.tip())).append("</title></polyline>");
    }
}
