package io.sparktune.report;

import java.util.List;

/** Horizontal bars with their labels and values, as inline SVG: parameter importances. */
final class BarChart {
    private static final int LABEL_WIDTH = 150;
    private static final int BAR_HEIGHT = 22;
    private static final int TOP = 30;

    /** One bar. */
    record Bar(String label, double value) {
    }

    private BarChart() {
    }

    /** @param bars values in [0, 1] */
    static String svg(String title, List<Bar> bars) {
        int width = XyChart.WIDTH;
        int height = TOP + bars.size() * BAR_HEIGHT + 10;
        double room = width - LABEL_WIDTH - 70;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title><text class=\"title\" x=\"10\" y=\"18\">")
                .append(Html.escape(title)).append("</text>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * BAR_HEIGHT;
            String label = bar.label().length() > 22 ? bar.label().substring(0, 21) + "…" : bar.label();
            svg.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(Html.px(y + 15)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(label)).append("</text><rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"")
                    .append(Html.px(y + 3)).append("\" width=\"").append(Html.px(Math.max(1, bar.value() * room))).append("\" height=\"")
                    .append(BAR_HEIGHT - 6).append("\"><title>").append(Html.escape(bar.label() + ": " + Html.number(bar.value())))
                    .append("</title></rect><text x=\"").append(Html.px(LABEL_WIDTH + bar.value() * room + 6)).append("\" y=\"")
                    .append(Html.px(y + 15)).append("\">").append(Html.escape(String.format(java.util.Locale.ROOT, "%.3f", bar.value())))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
