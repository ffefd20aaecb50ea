package org.clearinghouse.web.graphics.build;

/**
 * The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, so a country's colour
 * covers a surface in proportion to its real size, and pleasant to look at.
 */
final class EqualEarth {

    private static final double A1 = 1.340264;
    private static final double A2 = -0.081106;
    private static final double A3 = 0.000893;
    private static final double A4 = 0.003796;
    private static final double M = Math.sqrt(3) / 2;

    private EqualEarth() {}

    /** Projects degrees of longitude and latitude to x (east) and y (north), in units of the Earth's radius. */
    static double[] project(double longitude, double latitude) {
        double lambda = Math.toRadians(longitude);
        double theta = Math.asin(M * Math.sin(Math.toRadians(latitude)));
        double t2 = theta * theta;
        double t6 = t2 * t2 * t2;
        double x = lambda * Math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
        double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return new double[] {x, y};
    }
}
