package dev.junction.engine.anomalies;

import java.time.Instant;

/**
 * An {@link HourlyHistory} that counts runs and failures in one array each, hour {@code 0} starting at
 * {@link #start()}; the hours before {@link #firstHour} are unknown. Subclasses fill the counts and say how a window's
 * p95 duration is worked out (from rollup histograms, or from generated data in tests).
 */
public abstract class CountedHistory implements HourlyHistory {

    private final Instant start;
    /** Runs that ended, by hour. */
    protected final long[] runs;
    /** Of those, the failed and dead-lettered ones, by hour. */
    protected final long[] failed;
    /** Business amounts by hour: sales and refunds (counts and sums), fees and the settled amounts they were on. */
    protected final long[] sales;
    protected final double[] saleAmount;
    protected final long[] refunds;
    protected final double[] refundAmount;
    protected final double[] fees;
    protected final double[] settled;
    /** The currency of the amounts; null when none were recorded. */
    protected String currency;
    /** The first hour known: the history's owner lowers it when earlier hours turn out to hold runs. */
    protected int firstHour;

    /** A history of {@code hours} hours from {@code start}, every hour known and counting zero. */
    protected CountedHistory(Instant start, int hours) {
        this.start = start;
        this.runs = new long[hours];
        this.failed = new long[hours];
        this.sales = new long[hours];
        this.saleAmount = new double[hours];
        this.refunds = new long[hours];
        this.refundAmount = new double[hours];
        this.fees = new double[hours];
        this.settled = new double[hours];
    }

    @Override
    public final Instant start() {
        return start;
    }

    @Override
    public final int hours() {
        return runs.length;
    }

    @Override
    public final int firstHour() {
        return firstHour;
    }

    @Override
    public final long runs(int hour) {
        return runs[hour];
    }

    @Override
    public final long failed(int hour) {
        return failed[hour];
    }

    @Override
    public final String currency() {
        return currency;
    }

    @Override
    public final long sales(int hour) {
        return sales[hour];
    }

    @Override
    public final double saleAmount(int hour) {
        return saleAmount[hour];
    }

    @Override
    public final long refunds(int hour) {
        return refunds[hour];
    }

    @Override
    public final double refundAmount(int hour) {
        return refundAmount[hour];
    }

    @Override
    public final double fees(int hour) {
        return fees[hour];
    }

    @Override
    public final double settled(int hour) {
        return settled[hour];
    }
}
