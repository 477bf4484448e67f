package org.consilium.agreement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long an agreement takes to render, cold and warm, and what embedding the fonts costs. Not a test: run by
 * hand (see docs/performance.md, "Agreement rendering"):
 *
 * <pre>
 * mvn -B -o -q test-compile
 * mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.agreement.AgreementRenderingBenchmark
 * </pre>
 *
 * <p>Arguments: none for the whole benchmark; {@code cold} for one cold render (what each forked JVM runs);
 * {@code sample [folder]} to write a sample agreement and its signature page (default folder {@code target}).
 * System properties {@code forks}, {@code warmup} and {@code renders} change the counts.
 */
public final class AgreementRenderingBenchmark {

    private static final String COLD_PREFIX = "cold-result ";

    private AgreementRenderingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "all" : args[0];
        switch (mode) {
            case "cold" -> cold();
            case "sample" -> sample(Path.of(args.length > 1 ? args[1] : "target"));
            case "all" -> all();
            default -> throw new IllegalArgumentException("Unknown mode " + mode + ": use cold, sample or nothing");
        }
    }

    private static AgreementTerms terms() {
        // The nested fixture only: initialising the test class itself would build a renderer before the clock starts.
        return new AgreementRendererTest.Fixture().build();
    }

    /** One cold render in this fresh JVM; prints one line the parent reads. */
    private static void cold() {
        AgreementTerms terms = terms();
        var messages = PortalMessages.load();
        long start = System.nanoTime();
        AgreementRenderer renderer = new AgreementRenderer(messages);
        long constructed = System.nanoTime();
        byte[] pdf = renderer.renderAgreement(terms);
        long rendered = System.nanoTime();
        byte[] second = renderer.renderAgreement(terms);
        long secondRendered = System.nanoTime();
        System.out.println(COLD_PREFIX + ms(constructed - start) + " " + ms(rendered - constructed) + " "
                + ms(rendered - start) + " " + ms(secondRendered - rendered) + " " + (pdf.length + second.length) / 2);
    }

    private static void all() throws Exception {
        int forks = Integer.getInteger("forks", 5);
        int warmup = Integer.getInteger("warmup", 30);
        int renders = Integer.getInteger("renders", 200);

        List<double[]> colds = new ArrayList<>();
        for (int i = 0; i < forks; i++) {
            colds.add(fork());
        }

        AgreementRenderer renderer = new AgreementRenderer(PortalMessages.load());
        AgreementTerms terms = terms();
        for (int i = 0; i < warmup; i++) {
            renderer.renderAgreement(terms, java.util.Locale.ENGLISH, true);
            renderer.renderAgreement(terms, java.util.Locale.ENGLISH, false);
        }
        double[] embedded = new double[renders];
        double[] builtIn = new double[renders];
        int embeddedSize = 0;
        int builtInSize = 0;
        for (int i = 0; i < renders; i++) {
            // Alternating, so drift (JIT, GC, a busy neighbour) touches both variants alike.
            long t0 = System.nanoTime();
            embeddedSize = renderer.renderAgreement(terms, java.util.Locale.ENGLISH, true).length;
            long t1 = System.nanoTime();
            builtInSize = renderer.renderAgreement(terms, java.util.Locale.ENGLISH, false).length;
            long t2 = System.nanoTime();
            embedded[i] = ms(t1 - t0);
            builtIn[i] = ms(t2 - t1);
        }
        double[] signaturePages = new double[Math.min(renders, 50)];
        int signaturePageSize = 0;
        for (int i = 0; i < signaturePages.length; i++) {
            long t0 = System.nanoTime();
            signaturePageSize = renderer.renderSignaturePage(terms, AgreementRendererTest.signatures(),
                    Instant.parse("2025-04-02T14:05:09Z")).length;
            signaturePages[i] = ms(System.nanoTime() - t0);
        }

        StringBuilder out = new StringBuilder();
        if (!colds.isEmpty()) {
            out.append("### Cold: a fresh JVM per run (").append(forks).append(" runs)\n\n");
            out.append("| run | new AgreementRenderer(messages) ms | first render ms | constructor + first render ms"
                    + " | second render ms |\n|---|---:|---:|---:|---:|\n");
            for (int i = 0; i < colds.size(); i++) {
                double[] c = colds.get(i);
                out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f |%n",
                        i + 1, c[0], c[1], c[2], c[3]));
            }
            out.append(String.format(Locale.ROOT, "| median | %.0f | %.0f | %.0f | %.0f |%n", median(colds, 0),
                    median(colds, 1), median(colds, 2), median(colds, 3)));
        }
        out.append("\n### Warm: in one JVM, after ").append(warmup).append(" renders of each variant; ")
                .append(renders).append(" renders of each, alternating\n\n");
        out.append("| variant | mean ms | p50 ms | p95 ms | PDF size |\n|---|---:|---:|---:|---:|\n");
        out.append(row("agreement, Liberation Sans embedded (default)", embedded, embeddedSize));
        out.append(row("agreement, built-in Helvetica, nothing embedded", builtIn, builtInSize));
        out.append(row("signature page, embedded", signaturePages, signaturePageSize));
        out.append(String.format(Locale.ROOT, "%nRatio embedded / not embedded: mean %.2f, p50 %.2f%n",
                mean(embedded) / mean(builtIn), percentile(embedded, 50) / percentile(builtIn, 50)));
        System.out.println(out);
    }

    private static double[] fork() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AgreementRenderingBenchmark.class.getName(), "cold").redirectErrorStream(true).start();
        String result = null;
        List<String> output = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                if (line.startsWith(COLD_PREFIX)) {
                    result = line.substring(COLD_PREFIX.length());
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("The cold run failed:\n" + String.join("\n", output));
        }
        return Arrays.stream(result.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    private static void sample(Path folder) throws IOException {
        Files.createDirectories(folder);
        AgreementRenderer renderer = new AgreementRenderer(PortalMessages.load());
        AgreementTerms terms = terms();
        Path agreement = folder.resolve("sample-agreement.pdf");
        Path signaturePage = folder.resolve("sample-signature-page.pdf");
        Files.write(agreement, renderer.renderAgreement(terms));
        Files.write(signaturePage, renderer.renderSignaturePage(terms, AgreementRendererTest.signatures(),
                Instant.parse("2025-04-02T14:05:09Z")));
        Path french = folder.resolve("sample-agreement-fr.pdf");
        Path frenchPage = folder.resolve("sample-signature-page-fr.pdf");
        Files.write(french, renderer.renderAgreement(AgreementRendererTest.frenchTerms(), Locale.FRENCH));
        Files.write(frenchPage, renderer.renderSignaturePage(AgreementRendererTest.frenchTerms(),
                AgreementRendererTest.frenchSignatures(), Instant.parse("2025-04-02T14:05:09Z"), Locale.FRENCH));
        System.out.println("Wrote " + agreement + ", " + signaturePage + ", " + french + " and " + frenchPage);
    }

    private static String row(String variant, double[] times, int size) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %,d bytes |%n", variant, mean(times),
                percentile(times, 50), percentile(times, 95), size);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double median(List<double[]> runs, int column) {
        return percentile(runs.stream().mapToDouble(r -> r[column]).toArray(), 50);
    }
}
