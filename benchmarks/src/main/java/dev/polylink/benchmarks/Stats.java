package dev.polylink.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The statistics the plain-main measurements report: medians, quantiles, paired ratios, the load. */
final class Stats {
  private Stats() {}

  /** {@return the median of the values} */
  static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** {@return the median of the values (the mean of the middle two for an even count)} */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantile(sorted, 0.5);
  }

  /** {@return the {@code q} quantile of sorted values, interpolated between the two nearest} */
  static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int below = (int) Math.floor(at);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
  }

  /** {@return each round's ratio of {@code polylink}'s sample to {@code hand}'s, in round order} */
  static double[] ratios(List<Double> polylink, List<Double> hand) {
    double[] ratios = new double[polylink.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = polylink.get(i) / hand.get(i);
    }
    return ratios;
  }

  /** {@return the system load average, two decimals} */
  static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(Locale.ROOT, "%.2f", l);
  }
}
