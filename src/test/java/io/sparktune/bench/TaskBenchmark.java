package io.sparktune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktune.core.Config;
import io.sparktune.search.Searcher;
import io.sparktune.search.Searchers;
import io.sparktune.space.Space;
import io.sparktune.space.SpaceParser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SparkTune's searchers on the Bayesmark-style tasks of {@code bench/tasks.json} (issue 16): scikit-learn
 * models scored by 5-fold cross-validation in ONE long-lived Python worker ({@code bench/sklearn_tasks.py}),
 * configs in and losses out over its stdin and stdout, so Python and scikit-learn start once per run of
 * this class. One CSV row per sweep, as {@link SuiteBenchmark} writes them, with the optimum unknown.
 *
 * <pre>
 *   bench/tasks.sh [--tasks a,b] [--searchers random,tpe,gp,cmaes] [--parallelism 1,8] [--seeds 5] [--from 1000] [--budget 128] [--rounds]
 * </pre>
 *
 * <p>{@code --rounds} runs Bayesmark's protocol, {@code parallelism} configs asked at once and all told before the next
 * round, instead of {@link SweepSimulation}'s default: {@code parallelism} in flight, a random one finishing.
 */
public final class TaskBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The worker: one request line out, one answer line back. */
    private static final class Worker implements AutoCloseable {
        private final Process process;
        private final BufferedWriter in;
        private final BufferedReader out;

        Worker() throws IOException {
            process = new ProcessBuilder("/usr/bin/python3", "bench/sklearn_tasks.py").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** The task's loss for the config; infinite when the model refused it (the worker says why on its stderr). */
        double loss(String task, Config config) {
            try {
                in.write(JSON.writeValueAsString(Map.of("task", task, "params", config.values())));
                in.newLine();
                in.flush();
                String line = out.readLine();
                if (line == null) {
                    throw new IOException("bench/sklearn_tasks.py ended (exit " + process.waitFor() + ")");
                }
                JsonNode answer = JSON.readTree(line);
                if (answer.has("error")) {
                    System.err.println(task + " " + config + ": " + answer.get("error").asText());
                    return Double.POSITIVE_INFINITY;
                }
                return answer.get("loss").asDouble();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            in.close();
            process.waitFor();
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> only = null;
        List<String> searchers = List.of("random", "tpe", "gp", "cmaes");
        List<Integer> parallelisms = List.of(1, 8);
        int seeds = 5;
        long from = 1000;
        int budget = 128;
        boolean rounds = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tasks" -> only = List.of(args[++i].split(","));
                case "--searchers" -> searchers = List.of(args[++i].split(","));
                case "--parallelism" -> parallelisms = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--budget" -> budget = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = true;
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        JsonNode tasks = JSON.readTree(Path.of("bench/tasks.json").toFile());
        System.out.println(SuiteBenchmark.CSV_HEADER);
        try (Worker worker = new Worker()) {
            for (Iterator<String> names = tasks.fieldNames(); names.hasNext(); ) {
                String task = names.next();
                if (task.startsWith("_") || (only != null && !only.contains(task))) {
                    continue;
                }
                Space space = SpaceParser.parse(tasks.get(task).get("params"), "bench/tasks.json." + task + ".params");
                for (int parallelism : parallelisms) {
                    for (String type : searchers) {
                        for (int s = 0; s < seeds; s++) {
                            long seed = from + s;
                            Searcher searcher = Searchers.validate(SearcherBenchmark.spec(type), space, "searcher").create(space, seed);
                            SweepSimulation sweep = new SweepSimulation(searcher, config -> worker.loss(task, config));
                            double best = rounds ? sweep.runInRounds(budget, parallelism) : sweep.run(budget, parallelism, seed);
                            double[] millis = sweep.suggestNanos().stream().mapToDouble(n -> n / 1e6).sorted().toArray();
                            System.out.println(SuiteBenchmark.csvRow(task, "task", type, parallelism, budget, seed, best, Double.NaN,
                                    millis[millis.length / 2]));
                            System.out.flush();
                        }
                    }
                }
            }
        }
    }
}
