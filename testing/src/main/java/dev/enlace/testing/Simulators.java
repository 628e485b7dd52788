package dev.enlace.testing;

import dev.enlace.connector.bsale.simulator.BsaleSimulator;
import dev.enlace.connector.bsale.simulator.BsaleSimulatorOptions;
import dev.enlace.connector.framework360.simulator.Framework360Simulator;
import dev.enlace.connector.insales.simulator.InsalesSimulator;
import dev.enlace.connector.jumpseller.simulator.JumpsellerSimulator;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulator;
import dev.enlace.connector.moysklad.simulator.MoyskladSimulatorOptions;
import dev.enlace.connector.relbase.simulator.RelbaseSimulator;
import dev.enlace.connector.smarty.simulator.SmartySimulator;
import dev.enlace.simulator.SimulatorServer;
import io.vertx.core.Vertx;

/**
 * The Bsale and Jumpseller simulators, each on its own port of this machine, in this JVM.
 * {@link #shared()} gives every test of a JVM the same pair.
 */
public final class Simulators implements AutoCloseable {
    private static Simulators shared;

    private final Vertx vertx;
    private final BsaleSimulator bsale;
    private final JumpsellerSimulator jumpseller;
    private final SimulatorServer bsaleServer;
    private final SimulatorServer jumpsellerServer;
    private final RelbaseSimulator relbase;
    private final SimulatorServer relbaseServer;
    private final MoyskladSimulator moysklad;
    private final SimulatorServer moyskladServer;
    private final InsalesSimulator insales;
    private final SimulatorServer insalesServer;
    private final SmartySimulator smarty;
    private final SimulatorServer smartyServer;
    private final Framework360Simulator framework360;
    private final SimulatorServer framework360Server;

    private Simulators(Vertx vertx, BsaleSimulator bsale, JumpsellerSimulator jumpseller, SimulatorServer bsaleServer,
            SimulatorServer jumpsellerServer, RelbaseSimulator relbase, SimulatorServer relbaseServer,
            MoyskladSimulator moysklad, SimulatorServer moyskladServer, InsalesSimulator insales,
            SimulatorServer insalesServer, SmartySimulator smarty, SimulatorServer smartyServer,
            Framework360Simulator framework360, SimulatorServer framework360Server) {
        this.vertx = vertx;
        this.smarty = smarty;
        this.smartyServer = smartyServer;
        this.framework360 = framework360;
        this.framework360Server = framework360Server;
        this.insales = insales;
        this.insalesServer = insalesServer;
        this.moysklad = moysklad;
        this.moyskladServer = moyskladServer;
        this.relbase = relbase;
        this.relbaseServer = relbaseServer;
        this.bsale = bsale;
        this.jumpseller = jumpseller;
        this.bsaleServer = bsaleServer;
        this.jumpsellerServer = jumpsellerServer;
    }

    /** Starts both simulators with the real systems' limits; port 0 picks a free one. */
    public static Simulators start(int bsalePort, int jumpsellerPort) {
        return start(bsalePort, jumpsellerPort, BsaleSimulatorOptions.defaults(), JumpsellerSimulator.Options.defaults());
    }

    public static Simulators start(int bsalePort, int jumpsellerPort, BsaleSimulatorOptions bsaleOptions,
            JumpsellerSimulator.Options jumpsellerOptions) {
        Vertx vertx = Vertx.vertx();
        BsaleSimulator bsale = new BsaleSimulator(vertx, bsaleOptions);
        JumpsellerSimulator jumpseller = new JumpsellerSimulator(vertx, jumpsellerOptions);
        SimulatorServer b = join(SimulatorServer.start(vertx, bsale.router(), "127.0.0.1", bsalePort));
        SimulatorServer j = join(SimulatorServer.start(vertx, jumpseller.router(), "127.0.0.1", jumpsellerPort));
        RelbaseSimulator relbase = new RelbaseSimulator(vertx);
        SimulatorServer r = join(SimulatorServer.start(vertx, relbase.router(), "127.0.0.1", 0));
        // MoySklad gathers stock changes before its webhook fires; a short gathering keeps tests quick
        MoyskladSimulator moysklad = new MoyskladSimulator(vertx,
                MoyskladSimulatorOptions.defaults().withStockWebhookDelay(java.time.Duration.ofMillis(100)));
        SimulatorServer m = join(SimulatorServer.start(vertx, moysklad.router(), "127.0.0.1", 0));
        InsalesSimulator insales = new InsalesSimulator(vertx, InsalesSimulator.Options.defaults());
        SimulatorServer i = join(SimulatorServer.start(vertx, insales.router(), "127.0.0.1", 0));
        SmartySimulator smarty = new SmartySimulator(vertx);
        SimulatorServer sm = join(SimulatorServer.start(vertx, smarty.router(), "127.0.0.1", 0));
        // webhook retries (minutes apart) scaled down so a refused delivery is retried within a test
        Framework360Simulator framework360 = new Framework360Simulator(vertx, new Framework360Simulator.Options(0.001));
        SimulatorServer f = join(SimulatorServer.start(vertx, framework360.router(), "127.0.0.1", 0));
        return new Simulators(vertx, bsale, jumpseller, b, j, relbase, r, moysklad, m, insales, i, smarty, sm, framework360, f);
    }

    public static synchronized Simulators shared() {
        if (shared == null) {
            shared = start(0, 0);
            Simulators started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "simulators-stop"));
        }
        return shared;
    }

    public BsaleSimulator bsale() {
        return bsale;
    }

    public JumpsellerSimulator jumpseller() {
        return jumpseller;
    }

    public InsalesSimulator insales() {
        return insales;
    }

    /** The inSales simulator's root; each shop's admin API is under its own {@code /shops/<shop>/admin}. */
    public String insalesUrl() {
        return insalesServer.baseUrl();
    }

    public MoyskladSimulator moysklad() {
        return moysklad;
    }

    /** Where clients reach the MoySklad JSON API, without {@code /api/remap/1.2}. */
    public String moyskladUrl() {
        return moyskladServer.baseUrl();
    }

    public RelbaseSimulator relbase() {
        return relbase;
    }

    /** Where clients reach the relBase API, without the {@code /api/v1}. */
    public String relbaseUrl() {
        return relbaseServer.baseUrl();
    }

    public SmartySimulator smarty() {
        return smarty;
    }

    /** Where clients reach the Gestionale Smarty API, without {@code /titanium/V2/Api}. */
    public String smartyUrl() {
        return smartyServer.baseUrl();
    }

    public Framework360Simulator framework360() {
        return framework360;
    }

    /** The Framework360 simulator's root; each site's API is under its own {@code /sites/<site>/m/api}. */
    public String framework360Url() {
        return framework360Server.baseUrl();
    }

    /** Where clients reach the Bsale API, without the {@code /v1}. */
    public String bsaleUrl() {
        return bsaleServer.baseUrl();
    }

    public String jumpsellerUrl() {
        return jumpsellerServer.baseUrl();
    }

    @Override
    public void close() {
        bsaleServer.close();
        jumpsellerServer.close();
        relbaseServer.close();
        moyskladServer.close();
        insalesServer.close();
        smartyServer.close();
        framework360Server.close();
        framework360.reset();
        vertx.close();
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
