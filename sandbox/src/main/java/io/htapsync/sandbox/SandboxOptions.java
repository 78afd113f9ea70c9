package io.htapsync.sandbox;

import com.google.gson.JsonObject;
import io.htapsync.sandbox.auth.SignatureVerifier;
import io.htapsync.sandbox.data.DemoData;
import io.htapsync.sandbox.data.SimulatedInstance;
import io.htapsync.sandbox.data.StarRocksInstance;
import io.htapsync.sandbox.fault.InjectedFailure;
import io.htapsync.sandbox.fault.Outage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything a {@link SandboxServer} can be told: where to listen, what data to serve, and the
 * switches for the service's real variations and for injected faults. Immutable; build with
 * {@link #builder()}. {@link #toString()} never shows the required token.
 */
public final class SandboxOptions {

    /** The service's own page cap: at most 50 tasks per response, whatever {@code limit} says. */
    public static final int SERVICE_PAGE_CAP = 50;

    private final String host;
    private final int port;
    private final List<StarRocksInstance> data;
    private final CounterStyle counterStyle;
    private final StageCasing stageCasing;
    private final int pageCap;
    private final Duration latency;
    private final double failureRate;
    private final int failEvery;
    private final InjectedFailure failure;
    private final long randomSeed;
    private final boolean strict;
    private final String requiredToken;
    private final SignatureVerifier signatureVerifier;
    private final UnaryOperator<JsonObject> successBodyRewriter;
    private final int recordingLimit;
    private final List<SimulatedInstance> simulatedInstances;
    private final double progressSpeed;
    private final long progressSeed;
    private final InstantSource clock;
    private final List<Outage> outages;

    private SandboxOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.data = b.data;
        this.counterStyle = b.counterStyle;
        this.stageCasing = b.stageCasing;
        this.pageCap = b.pageCap;
        this.latency = b.latency;
        this.failureRate = b.failureRate;
        this.failEvery = b.failEvery;
        this.failure = b.failure;
        this.randomSeed = b.randomSeed;
        this.strict = b.strict;
        this.requiredToken = b.requiredToken;
        this.signatureVerifier = b.signatureVerifier;
        this.successBodyRewriter = b.successBodyRewriter;
        this.recordingLimit = b.recordingLimit;
        this.simulatedInstances = b.simulatedInstances;
        this.progressSpeed = b.progressSpeed;
        this.progressSeed = b.progressSeed;
        this.clock = b.clock;
        this.outages = b.outages;
    }

    /** Options with every default: 127.0.0.1, a random free port, demo data, strict. */
    public static SandboxOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change a few. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public List<StarRocksInstance> data() {
        return data;
    }

    public CounterStyle counterStyle() {
        return counterStyle;
    }

    public StageCasing stageCasing() {
        return stageCasing;
    }

    public int pageCap() {
        return pageCap;
    }

    public Duration latency() {
        return latency;
    }

    public double failureRate() {
        return failureRate;
    }

    public int failEvery() {
        return failEvery;
    }

    public InjectedFailure failure() {
        return failure;
    }

    public long randomSeed() {
        return randomSeed;
    }

    public boolean strict() {
        return strict;
    }

    /** The token every {@code X-Auth-Token} must equal, or null to accept any. */
    public String requiredToken() {
        return requiredToken;
    }

    public SignatureVerifier signatureVerifier() {
        return signatureVerifier;
    }

    public UnaryOperator<JsonObject> successBodyRewriter() {
        return successBodyRewriter;
    }

    public int recordingLimit() {
        return recordingLimit;
    }

    /** The instances whose tasks move over time; default {@link DemoData#simulatedInstances()}. */
    public List<SimulatedInstance> simulatedInstances() {
        return simulatedInstances;
    }

    /** Simulated seconds per real second. */
    public double progressSpeed() {
        return progressSpeed;
    }

    /** The seed simulated progress is drawn from. */
    public long progressSeed() {
        return progressSeed;
    }

    /** What simulated progress and scripted outages are timed by. */
    public InstantSource clock() {
        return clock;
    }

    /** Time windows in which every request fails; default none. */
    public List<Outage> outages() {
        return outages;
    }

    @Override
    public String toString() {
        return "SandboxOptions[host=" + host + ", port=" + port + ", instances=" + data.size()
                + ", counters=" + counterStyle + ", stages=" + stageCasing + ", pageCap=" + pageCap
                + ", latency=" + latency.toMillis() + "ms, failureRate=" + failureRate + ", failEvery=" + failEvery
                + ", failure=" + failure + ", seed=" + randomSeed + ", simulated=" + simulatedInstances.size()
                + ", progressSpeed=" + progressSpeed + ", progressSeed=" + progressSeed + ", outages=" + outages
                + ", strict=" + strict
                + ", requiredToken=" + (requiredToken == null ? "none" : "<redacted>") + "]";
    }

    /** Builds {@link SandboxOptions}; every setter checks its value and names the problem. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private List<StarRocksInstance> data = DemoData.instances();
        private CounterStyle counterStyle = CounterStyle.NUMBERS;
        private StageCasing stageCasing = StageCasing.LOWER;
        private int pageCap = SERVICE_PAGE_CAP;
        private Duration latency = Duration.ZERO;
        private double failureRate;
        private int failEvery;
        private InjectedFailure failure = InjectedFailure.unavailable(Duration.ofSeconds(1));
        private long randomSeed = 20260301L;
        private boolean strict = true;
        private String requiredToken;
        private SignatureVerifier signatureVerifier = SignatureVerifier.acceptWellFormed();
        private UnaryOperator<JsonObject> successBodyRewriter = UnaryOperator.identity();
        private int recordingLimit = 1000;
        private List<SimulatedInstance> simulatedInstances = DemoData.simulatedInstances();
        private double progressSpeed = 1;
        private long progressSeed = DemoData.PROGRESS_SEED;
        private InstantSource clock = InstantSource.system();
        private List<Outage> outages = List.of();

        private Builder() {
        }

        private Builder(SandboxOptions o) {
            host = o.host;
            port = o.port;
            data = o.data;
            counterStyle = o.counterStyle;
            stageCasing = o.stageCasing;
            pageCap = o.pageCap;
            latency = o.latency;
            failureRate = o.failureRate;
            failEvery = o.failEvery;
            failure = o.failure;
            randomSeed = o.randomSeed;
            strict = o.strict;
            requiredToken = o.requiredToken;
            signatureVerifier = o.signatureVerifier;
            successBodyRewriter = o.successBodyRewriter;
            recordingLimit = o.recordingLimit;
            simulatedInstances = o.simulatedInstances;
            progressSpeed = o.progressSpeed;
            progressSeed = o.progressSeed;
            clock = o.clock;
            outages = o.outages;
        }

        /** Address to bind; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to bind, 0 (the default) for a random free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The instances served at start (and after a reset); default {@link DemoData#instances()}. */
        public Builder data(List<StarRocksInstance> data) {
            this.data = List.copyOf(Objects.requireNonNull(data, "data"));
            return this;
        }

        /** Counters as JSON numbers (default) or strings. */
        public Builder counterStyle(CounterStyle counterStyle) {
            this.counterStyle = Objects.requireNonNull(counterStyle, "counterStyle");
            return this;
        }

        /** Stage values lower case (default) or capitalized. */
        public Builder stageCasing(StageCasing stageCasing) {
            this.stageCasing = Objects.requireNonNull(stageCasing, "stageCasing");
            return this;
        }

        /** Most tasks in one response, default 50 like the service; 100 effectively turns the cap off. */
        public Builder pageCap(int pageCap) {
            if (pageCap < 1) {
                throw new IllegalArgumentException("page cap must be at least 1, got " + pageCap);
            }
            this.pageCap = pageCap;
            return this;
        }

        /** Delay before every answer; default none. */
        public Builder latency(Duration latency) {
            if (latency == null || latency.isNegative()) {
                throw new IllegalArgumentException("latency must be zero or more, got " + latency);
            }
            this.latency = latency;
            return this;
        }

        /** Fraction of requests (0 to 1) answered with {@link #failure(InjectedFailure)}; default 0. */
        public Builder failureRate(double failureRate) {
            if (!(failureRate >= 0 && failureRate <= 1)) {
                throw new IllegalArgumentException("failure rate must be between 0 and 1, got " + failureRate);
            }
            this.failureRate = failureRate;
            return this;
        }

        /** Answer every Nth request with {@link #failure(InjectedFailure)}; 0 (default) for never. */
        public Builder failEvery(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("fail-every must be 0 (off) or more, got " + n);
            }
            this.failEvery = n;
            return this;
        }

        /** The failure used by the rate and every-Nth switches; default a 503 with Retry-After: 1. */
        public Builder failure(InjectedFailure failure) {
            this.failure = Objects.requireNonNull(failure, "failure");
            return this;
        }

        /** Seed for the failure rate's random draws, so a run can be repeated. */
        public Builder randomSeed(long randomSeed) {
            this.randomSeed = randomSeed;
            return this;
        }

        /**
         * Strict (default): a response that would break the spec is replaced by a 500 naming the
         * violations. Lenient: it is sent as built; either way it is recorded.
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Only this {@code X-Auth-Token} is accepted; default: any non-blank token. */
        public Builder requiredToken(String requiredToken) {
            if (requiredToken != null && requiredToken.isBlank()) {
                throw new IllegalArgumentException("required token must not be blank");
            }
            this.requiredToken = requiredToken;
            return this;
        }

        /** Decides AK/SK signatures; default {@link SignatureVerifier#acceptWellFormed()}. */
        public Builder signatureVerifier(SignatureVerifier signatureVerifier) {
            this.signatureVerifier = Objects.requireNonNull(signatureVerifier, "signatureVerifier");
            return this;
        }

        /**
         * Rewrites every 200 body before it is validated and sent, to simulate a service that sends
         * something unusual. In strict mode a rewrite that breaks the spec becomes a 500.
         */
        public Builder successBodyRewriter(UnaryOperator<JsonObject> rewriter) {
            this.successBodyRewriter = Objects.requireNonNull(rewriter, "rewriter");
            return this;
        }

        /** Most exchanges kept for {@link SandboxServer#recordedExchanges()} (oldest dropped); default 1000. */
        public Builder recordingLimit(int recordingLimit) {
            if (recordingLimit < 1) {
                throw new IllegalArgumentException("recording limit must be at least 1, got " + recordingLimit);
            }
            this.recordingLimit = recordingLimit;
            return this;
        }

        /**
         * Instances whose tasks move over time (see {@link SimulatedInstance}), served beside
         * {@link #data(List)}; default {@link DemoData#simulatedInstances()}, {@code List.of()} for none.
         */
        public Builder simulatedInstances(List<SimulatedInstance> simulatedInstances) {
            this.simulatedInstances = List.copyOf(Objects.requireNonNull(simulatedInstances, "simulatedInstances"));
            return this;
        }

        /**
         * Simulated seconds per real second for simulated instances; default 1, 10 makes a 15 s sync take
         * 1.5 s, 0 holds every task where it starts (waiting).
         */
        public Builder progressSpeed(double speed) {
            if (!(speed >= 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("progress speed must be a finite number, 0 or more, got " + speed);
            }
            this.progressSpeed = speed;
            return this;
        }

        /** Seed for the simulated tasks' timings and stopping points: the same seed, the same story. */
        public Builder progressSeed(long seed) {
            this.progressSeed = seed;
            return this;
        }

        /**
         * The time source for simulated progress and scripted outages; default the system clock. Tests
         * pass a {@link io.htapsync.sandbox.time.ManualClock} and advance it instead of sleeping.
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Scripted outages: in each window (timed from the start or the last reset, by
         * {@link #clock(InstantSource)}) every request gets the window's failure, after queued
         * {@code failNext} failures and before the rate and every-Nth switches. Default none.
         */
        public Builder outages(List<Outage> outages) {
            this.outages = List.copyOf(Objects.requireNonNull(outages, "outages"));
            return this;
        }

        /** Adds one scripted outage to {@link #outages(List)}. */
        public Builder outage(Outage outage) {
            List<Outage> more = new ArrayList<>(outages);
            more.add(Objects.requireNonNull(outage, "outage"));
            this.outages = List.copyOf(more);
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(this);
        }
    }
}
