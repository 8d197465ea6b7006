package lab.overload.engine.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.overload.models.scenario.ClientSpec;
import lab.overload.models.scenario.QueueSpec;
import lab.overload.models.scenario.Scenario;
import lab.overload.models.scenario.Section;
import lab.overload.models.scenario.ServiceSpec;

/**
 * The stages a scenario declares, built in the scenario's order (services, queues, the platform's functions, APIs) and
 * connected: each queue, API and dependency to the stage it names, after every stage exists. Stages that call each
 * other in a loop are refused, naming the loop. The world builds its client groups on top, each with the stage its
 * {@code target} names ({@link #stage}).
 */
final class StageGraph {
    final Map<String, Service> services = new LinkedHashMap<>();
    final Map<String, QueueStage> queues = new LinkedHashMap<>();
    final Map<String, Api> apis = new LinkedHashMap<>();
    final Map<String, Function> functions = new LinkedHashMap<>();
    /** Every stage by name: services, queues, functions, APIs. */
    final Map<String, Target> stages = new LinkedHashMap<>();
    /** The account of the scenario's functions, or null without any. */
    Platform platform;

    StageGraph(World world, Scenario scenario) {
        boolean alone = scenario.services().size() == 1 && scenario.apis().isEmpty()
                && scenario.functions().isEmpty() && scenario.queues().isEmpty();
        for (ServiceSpec s : scenario.services()) {
            services.put(s.name(), new Service(world, s, alone, alone && scenario.clients().size() == 1));
        }
        stages.putAll(services);
        for (QueueSpec q : scenario.queues()) {
            queues.put(q.name(), new QueueStage(world, q, tenantsOf(scenario, q.name())));
        }
        stages.putAll(queues);
        buildPlatform(world, scenario);
        for (QueueStage q : queues.values()) {
            q.connect(stage(q.spec.target(), "queues." + q.spec.name() + ".target"));
        }
        for (Service s : services.values()) {
            String target = s.spec.dependency().target();
            if (!target.isEmpty()) {
                s.dependency.connect(stage(target, "services." + s.spec.name() + ".dependency.target"));
            }
        }
        checkNoCycle();
    }

    /** The account, its functions and the APIs, each API connected to its target (after the services). */
    private void buildPlatform(World world, Scenario scenario) {
        if (!scenario.functions().isEmpty()) {
            platform = new Platform(scenario.account(), scenario.functions().stream().map(f -> f.name()).toList(),
                    world.recorder, scenario.warmupMicros());
            for (var f : scenario.functions()) {
                Function fn = new Function(world, platform, functions.size(), f);
                functions.put(f.name(), fn);
                platform.functions.add(fn);
            }
            platform.recount(scenario, 0);
            stages.putAll(functions);
        }
        for (var a : scenario.apis()) {
            apis.put(a.name(), new Api(world, a));
        }
        stages.putAll(apis);
        apis.forEach((name, a) -> a.connect(stage(a.spec.target(), "apis." + name + ".target")));
        for (Function f : functions.values()) {
            String target = f.spec.dependency().target();
            if (!target.isEmpty()) {
                f.dependency.connect(stage(target, "functions." + f.spec.name() + ".dependency.target"));
            }
        }
    }

    /** The stage a client or a stage names as its target; a clear error if the scenario declares none by that name. */
    Target stage(String name, String field) {
        Target t = stages.get(name);
        if (t == null) {
            throw new IllegalArgumentException(field + " must name a stage of the scenario (" + stages.keySet()
                    + "), was \"" + name + "\"");
        }
        return t;
    }

    /** The tenants a queue's messages come from: the most any client group sending to it stands for (at least 1). */
    private static int tenantsOf(Scenario scenario, String queue) {
        int n = 1;
        for (ClientSpec c : scenario.clients()) {
            if (c.target().equals(queue)) {
                n = Math.max(n, c.tenants().count());
            }
        }
        return n;
    }

    /** Stages that call each other in a loop would call forever: refused, naming the loop. */
    private void checkNoCycle() {
        for (Service from : services.values()) {
            List<String> path = new ArrayList<>(List.of(from.spec.name()));
            Service s = from;
            while (!s.spec.dependency().target().isEmpty()) {
                s = services.get(s.spec.dependency().target());
                if (s == null) {
                    break; // a call to another kind of stage: the scenario's stage graph has no cycle through it
                }
                path.add(s.spec.name());
                if (s == from) {
                    throw new IllegalArgumentException("services." + from.spec.name()
                            + ".dependency.target: the stages call each other in a cycle: "
                            + String.join(" -> ", path));
                }
                if (path.size() > services.size() + 1) {
                    break; // a cycle further on, reported from one of its own stages
                }
            }
        }
    }

    /** Each stage, and the account, as the owner of its parameter paths ({@code services.api}, ...). */
    void addOwners(Scenario scenario, Map<String, Reconfigurable> owners) {
        services.forEach((name, s) -> owners.put(Section.SERVICES.owner(name), s));
        queues.forEach((name, q) -> owners.put(Section.QUEUES.owner(name), q));
        apis.forEach((name, a) -> owners.put(Section.APIS.owner(name), a));
        functions.forEach((name, f) -> owners.put(Section.FUNCTIONS.owner(name), f));
        scenario.platform().forEach(p -> owners.put(Section.PLATFORM.owner(p.name()), platform));
    }

    /** Workers over every service's hosts that are up, and every function's concurrency limit. */
    long totalWorkers() {
        long w = 0;
        for (Service s : services.values()) {
            w += s.workers();
        }
        for (Function f : functions.values()) {
            w += f.capacity();
        }
        return w;
    }

    /** The enqueue time of the attempt queued longest at any service, or -1 when none is queued. */
    long oldestQueuedMicros() {
        long oldest = -1;
        for (Service s : services.values()) {
            long t = s.oldestQueuedMicros();
            if (t >= 0 && (oldest < 0 || t < oldest)) {
                oldest = t;
            }
        }
        return oldest;
    }

    /** Busy workers over all services' hosts. */
    int busyWorkers() {
        int n = 0;
        for (Service s : services.values()) {
            for (Host h : s.hosts) {
                n += h.busy();
            }
        }
        return n;
    }

    /** Queued attempts over all services' hosts. */
    int queuedAttempts() {
        int n = 0;
        for (Service s : services.values()) {
            for (Host h : s.hosts) {
                n += h.queue.size();
            }
        }
        return n;
    }
}
