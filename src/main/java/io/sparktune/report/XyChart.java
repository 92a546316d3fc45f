package io.sparktune.report;

import java.util.List;

/**
 * An inline SVG plot with two axes: points, lines and step lines. Every text and attribute value
 * that comes from a sweep goes through {@link Html#escape}.
 */
final class XyChart {
    static final int WIDTH = 520;
    static final int HEIGHT = 300;
    private static final int LEFT = 66;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int BOTTOM = 44;

    /** A value pair to plot, and the tooltip that names it. */
    record Point(Object x, Object y, String tip) {
    }

    private final Scale x;
    private final Scale y;
    private final StringBuilder svg = new StringBuilder();

    XyChart(String title, Scale x, String xLabel, Scale y, String yLabel) {
        this.x = x;
        this.y = y;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\">")
                .append("<title>").append(Html.escape(title)).append("</title>")
                .append("<text class=\"title\" x=\"").append(LEFT).append("\" y=\"18\">").append(Html.escape(title)).append("</text>");
        axes(xLabel, yLabel);
    }

    private double px(double fraction) {
        return LEFT + fraction * (WIDTH - LEFT - RIGHT);
    }

    private double py(double fraction) {
        return TOP + (1 - fraction) * (HEIGHT - TOP - BOTTOM);
    }

    private void axes(String xLabel, String yLabel) {
        svg.append("<g class=\"axis\"><line x1=\"").append(LEFT).append("\" y1=\"").append(Html.px(py(0))).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(Html.px(py(0))).append("\"/><line x1=\"").append(LEFT)
                .append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"").append(Html.px(py(0))).append("\"/>");
        for (Scale.Tick t : x.ticks()) {
            String at = Html.px(px(t.fraction()));
            svg.append("<line x1=\"").append(at).append("\" y1=\"").append(Html.px(py(0))).append("\" x2=\"").append(at)
                    .append("\" y2=\"").append(Html.px(py(0) + 4)).append("\"/><text x=\"").append(at).append("\" y=\"")
                    .append(Html.px(py(0) + 16)).append("\" text-anchor=\"middle\">").append(Html.escape(t.label())).append("</text>");
        }
        for (Scale.Tick t : y.ticks()) {
            String at = Html.px(py(t.fraction()));
            svg.append("<line x1=\"").append(LEFT - 4).append("\" y1=\"").append(at).append("\" x2=\"").append(LEFT)
                    .append("\" y2=\"").append(at).append("\"/><text x=\"").append(LEFT - 6).append("\" y=\"").append(at)
                    .append("\" dy=\"4\" text-anchor=\"end\">").append(Html.escape(t.label())).append("</text>");
        }
        svg.append("<text x=\"").append(Html.px(px(0.5))).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>")
                .append("<text transform=\"translate(14 ").append(Html.px(py(0.5))).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Html.escape(yLabel)).append("</text></g>");
    }

    /** Dots, e.g. one per trial, styled by a CSS class. */
    XyChart points(List<Point> points, String cssClass) {
        svg.append("<g class=\"").append(Html.escape(cssClass)).append("\">");
        for (Point p : points) {
            double fx = x.fraction(p.x());
            double fy = y.fraction(p.y());
            if (Double.isFinite(fx) && Double.isFinite(fy)) {
                svg.append("<circle cx=\"").append(Html.px(px(fx))).append("\" cy=\"").append(Html.px(py(fy)))
                        .append("\" r=\"3\"><title>").append(Html.escape(p.tip())).append("</title></circle>");
            }
        }
        svg.append("</g>");
        return this;
    }

    /** A line through the points in order; {@code colour} is a CSS colour chosen by the report, never by a sweep. */
    XyChart line(List<Point> points, String colour, boolean dashed, String tip) {
        return path(points, false, Double.NaN, colour, dashed, tip);
    }

    /** A line that holds each value until the next point, to {@code xEnd}: the best so far. */
    XyChart stepLine(List<Point> points, double xEnd, String colour, String tip) {
        return path(points, true, xEnd, colour, false, tip);
    }

    private XyChart path(List<Point> points, boolean steps, double xEnd, String colour, boolean dashed, String tip) {
        StringBuilder d = new StringBuilder();
        double lastY = Double.NaN;
        for (Point p : points) {
            double fx = x.fraction(p.x());
            double fy = y.fraction(p.y());
            if (!Double.isFinite(fx) || !Double.isFinite(fy)) {
                continue;
            }
            if (d.length() == 0) {
                d.append('M');
            } else if (steps) {
                d.append(" L").append(Html.px(px(fx))).append(',').append(Html.px(py(lastY)));
                d.append(" L");
            } else {
                d.append(" L");
            }
            d.append(Html.px(px(fx))).append(',').append(Html.px(py(fy)));
            lastY = fy;
        }
        if (d.length() == 0) {
            return this;
        }
        if (steps && Double.isFinite(x.fraction(xEnd))) {
            d.append(" L").append(Html.px(px(x.fraction(xEnd)))).append(',').append(Html.px(py(lastY)));
        }
        svg.append("<path class=\"line\" d=\"").append(d).append("\" stroke=\"").append(Html.escape(colour)).append('"')
                .append(dashed ? " stroke-dasharray=\"5 3\"" : "").append("><title>").append(Html.escape(tip)).append("</title></path>");
        return this;
    }

    String svg() {
        return svg + "</svg>";
    }
}
