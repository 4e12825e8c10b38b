package dev.atelier.engine.learn;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/// A seeded split of row positions `0..n-1` into training and validation parts, for learners that need
/// validation data when none was given. Deterministic for a seed; both parts are in ascending order.
///
/// @param train      positions used for training
/// @param validation positions held out (empty when there are too few rows to spare any)
public record HoldOut(int[] train, int[] validation) {
    /// The smallest number of rows from which a validation part is held out.
    public static final int MIN_ROWS = 10;

    /// Holds out `fraction` of `n` positions, chosen with `seed`; fewer than [#MIN_ROWS] rows are all used for
    /// training (and validation is empty).
    public static HoldOut of(int n, double fraction, long seed) {
        if (n < MIN_ROWS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new HoldOut(all, new int[0]);
        }
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = Math.max(1, (int) Math.round(n * fraction));
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, n);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new HoldOut(train, validation);
    }

    /// Copies the arrays (records keep what they are given).
    public HoldOut {
        train = train.clone();
        validation = validation.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }
}
