package io.clinsum.samples.cli;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.Embedders;
import io.clinsum.grouping.Grouping;
import io.clinsum.grouping.GroupingEvaluator;
import io.clinsum.grouping.GroupingOptions;
import io.clinsum.grouping.GroupingReport;
import io.clinsum.grouping.PatientGroup;
import io.clinsum.grouping.PatientGrouper;
import io.clinsum.grouping.PatientTexts;
import io.clinsum.grouping.TfIdfEmbedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinsum group}: patients with similar summaries, labelled, with a map. */
@Command(
    name = "group",
    mixinStandardHelpOptions = true,
    description = {
      "Group patients with similar diagnoses: embed each patient's summaries, cluster them,",
      "label each group with its most distinctive terms, print the groups and write an HTML",
      "page with a map of the patients coloured by group (and the same as JSON)."
    })
final class GroupCommand implements Callable<Integer> {
  /** Where a patient's text comes from. */
  enum Source {
    /** The dataset's summary field when every record has one, else generated summaries. */
    auto,
    /** The dataset's summary field. */
    summary,
    /** Summaries generated from the notes by the chosen backend. */
    generated,
    /** The notes themselves. */
    note
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "A .csv or .jsonl file of notes.")
  Path dataset;

  @Option(
      names = "--group-on",
      defaultValue = "auto",
      description =
          "Text to group on: auto, summary, generated or note (default: ${DEFAULT-VALUE}:"
              + " the summary field when every record has one, else generated summaries).")
  Source source;

  @Option(
      names = {"-b", "--backend"},
      defaultValue = "extractive",
      description = "Backend that generates summaries (default: ${DEFAULT-VALUE}).")
  String backend;

  @Option(
      names = {"-e", "--embedder"},
      defaultValue = "minilm",
      description =
          "minilm (all-MiniLM-L6-v2), minilm-int8 (faster) or tfidf (default: ${DEFAULT-VALUE}).")
  String embedder;

  @Option(
      names = "--patient-field",
      description =
          "Field naming the patient; records of one patient are grouped together"
              + " (default: each record is a patient).")
  String patientField;

  @Option(
      names = "--label-field",
      description =
          "Field with a reference label (a specialty): prints purity and adjusted Rand"
              + " index, and the TF-IDF baseline's for comparison.")
  String labelField;

  @Option(
      names = "--algorithm",
      defaultValue = "kmeans",
      description = "kmeans or hdbscan (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(names = "--k", description = "Number of k-means groups (default: chosen by silhouette).")
  Integer k;

  @Option(
      names = "--max-k",
      defaultValue = "30",
      description = "Largest k tried when choosing (default: ${DEFAULT-VALUE}).")
  int maxK;

  @Option(
      names = "--min-cluster-size",
      defaultValue = "5",
      description = "HDBSCAN's smallest group (default: ${DEFAULT-VALUE}).")
  int minClusterSize;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-r", "--report"},
      defaultValue = "clinsum-groups",
      description =
          "Report path without extension; writes .html and .json (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Mixin FieldOptions fields;
  @Mixin BackendOptions backendOptions;

  @Override
  public Integer call() throws IOException {
    List<DatasetRecord> records = new ArrayList<>();
    try (DatasetReader reader = DatasetReader.open(dataset, fields.toOptions(false))) {
      reader.forEachRemaining(records::add);
    }
    if (records.isEmpty()) {
      throw new ConfigurationException(dataset + " has no records to group");
    }
    List<String> texts = texts(records);
    Map<String, List<String>> byPatient = new LinkedHashMap<>();
    Map<String, String> referenceByPatient = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      DatasetRecord r = records.get(i);
      String patient = patientField == null ? r.id() : field(r, patientField, i);
      byPatient.computeIfAbsent(patient, p -> new ArrayList<>()).add(texts.get(i));
      if (labelField != null) {
        referenceByPatient.putIfAbsent(patient, field(r, labelField, i));
      }
    }
    List<PatientTexts> patients =
        byPatient.entrySet().stream().map(e -> new PatientTexts(e.getKey(), e.getValue())).toList();
    GroupingOptions options = options();
    Grouping grouping = group(embedder, patients, options);

    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%,d patients, %d groups (%s on %s), silhouette %.3f%n",
        patients.size(),
        grouping.groups().size(),
        grouping.algorithm(),
        grouping.embedder().model(),
        grouping.silhouette());
    List<String[]> rows = new ArrayList<>();
    for (PatientGroup g : grouping.groups()) {
      rows.add(
          new String[] {
            Integer.toString(g.id() + 1),
            Integer.toString(g.size()),
            String.format(Locale.ROOT, "%.3f", g.cohesion()),
            g.label()
          });
    }
    long ungrouped =
        grouping.members().stream().filter(m -> m.groupId() == Grouping.UNGROUPED).count();
    if (ungrouped > 0) {
      rows.add(new String[] {"-", Long.toString(ungrouped), "", "(ungrouped)"});
    }
    Table.print(out, List.of("group", "size", "cohesion", "label"), rows);
    grouping.notes().forEach(n -> out.println("note: " + n));

    List<String> references = new ArrayList<>();
    Map<String, GroupingEvaluator.Scores> scores = new LinkedHashMap<>();
    if (labelField != null) {
      grouping.members().forEach(m -> references.add(referenceByPatient.get(m.patientId())));
      scores.put(
          grouping.embedder().model(),
          GroupingEvaluator.evaluate(grouping.labelsInOrder(), references));
      if (!embedder.equals("tfidf")) {
        Grouping baseline = group("tfidf", patients, options);
        scores.put(
            "tf-idf baseline", GroupingEvaluator.evaluate(baseline.labelsInOrder(), references));
      }
      scores.forEach(
          (name, s) ->
              out.printf(
                  Locale.ROOT,
                  "%-20s vs %s (%d labels): %d groups, purity %.3f, adjusted Rand index %.3f%n",
                  name,
                  labelField,
                  s.classes(),
                  s.groups(),
                  s.purity(),
                  s.adjustedRandIndex()));
    }
    new GroupingReport(dataset.getFileName().toString(), grouping, references, scores)
        .writeTo(report);
    out.printf("reports: %s.html, %s.json%n", report, report);
    out.flush();
    return 0;
  }

  private Grouping group(String name, List<PatientTexts> patients, GroupingOptions options) {
    try (Embedder e = open(name, patients);
        Progress progress = new Progress("group (" + name + ")", -1, quiet)) {
      return new PatientGrouper(e, options).group(patients, progress::stepTo);
    }
  }

  private static Embedder open(String name, List<PatientTexts> patients) {
    if (name.equals("tfidf")) {
      return Embedders.of(
          TfIdfEmbedder.fit(
              patients.stream().map(p -> String.join("\n", p.texts())).toList(), 4096));
    }
    return Embedders.open(name);
  }

  private GroupingOptions options() {
    GroupingOptions.Builder b =
        GroupingOptions.builder().seed(seed).minClusterSize(minClusterSize).kRange(2, maxK);
    switch (algorithm.toLowerCase(Locale.ROOT)) {
      case "kmeans", "k-means" -> b.algorithm(GroupingOptions.Algorithm.KMEANS);
      case "hdbscan" -> b.algorithm(GroupingOptions.Algorithm.HDBSCAN);
      default ->
          throw new ConfigurationException(
              "--algorithm must be kmeans or hdbscan, not '" + algorithm + "'");
    }
    if (k != null) {
      b.k(k);
    }
    return b.build();
  }

  private List<String> texts(List<DatasetRecord> records) {
    Source chosen = source;
    if (chosen == Source.auto) {
      chosen =
          records.stream().allMatch(r -> r.summary() != null && !r.summary().isBlank())
              ? Source.summary
              : Source.generated;
    }
    switch (chosen) {
      case note:
        return records.stream().map(DatasetRecord::note).toList();
      case summary:
        List<String> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          String s = records.get(i).summary();
          if (s == null || s.isBlank()) {
            throw new ConfigurationException(
                "record "
                    + (i + 1)
                    + " ("
                    + records.get(i).id()
                    + ") has no '"
                    + fields.summaryField
                    + "' to group on; choose the field with --summary-field or use --group-on"
                    + " generated");
          }
          out.add(s);
        }
        return out;
      default:
        try (Summarizer s = backendOptions.open(backend);
            Progress progress =
                new Progress("summarize (" + backend + ")", records.size(), quiet)) {
          List<String> summaries = new ArrayList<>();
          for (DatasetRecord r : records) {
            SummarizationResult result = s.summarize(SummarizationRequest.of(r.id(), r.note()));
            summaries.add(result.text());
            progress.step();
          }
          return summaries;
        }
    }
  }

  private static String field(DatasetRecord r, String name, int index) {
    String value = r.metadata().get(name);
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(
          "record " + (index + 1) + " (" + r.id() + ") has no '" + name + "' field");
    }
    return value;
  }
}
