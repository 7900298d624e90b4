package io.clinsum.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's chat template (the Jinja text of {@code tokenizer_config.json}'s {@code chat_template},
 * or of {@code chat_template.jinja}) rendered with Jinjava the way transformers renders it with
 * jinja2: {@code trim_blocks} and {@code lstrip_blocks} (applied to the source as jinja2's lexer
 * applies them, with {@code {%+} and {@code +%}}; Jinjava's options strip more), one trailing
 * newline of the source dropped, a {@code raise_exception} that fails, comments that keep the
 * whitespace around them, and a {@code tojson} with Python's spacing.
 *
 * <p>Where Jinjava's language differs from Python's, the template's code (never its text or string
 * literals) is rewritten before parsing: {@code True}/{@code False}/{@code None} become {@code
 * true}/{@code false}/{@code null}, {@code x[::-1]} becomes {@code x|reverse}, {@code
 * .startswith(}/{@code .endswith(} the Java methods, and {@code .strip()}/{@code .lstrip()}/{@code
 * .rstrip()} Java's {@code strip}, {@code stripLeading}, {@code stripTrailing}. {@code lstrip} and
 * friends with an argument have no Java equivalent and are refused with the file's name. Any render
 * error fails with a {@link ConfigurationException} naming the file: Jinjava records errors instead
 * of throwing, so each result's errors are checked.
 */
public final class ChatTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SPECIAL_TOKENS = {
    "bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"
  };

  private final String source;
  private final String template;
  private final Map<String, Object> specialTokens;
  private final Jinjava jinjava;
  private final boolean systemRole;

  /**
   * @param template the Jinja text as the model ships it
   * @param specialTokens {@code bos_token}, {@code eos_token}, ... as the template sees them
   * @param source the file it came from, named in every error
   */
  public ChatTemplate(String template, Map<String, String> specialTokens, String source) {
    this.source = source;
    // jinja2 (keep_trailing_newline=False) drops one trailing newline of the source, not of the
    // output; Jinjava's own option trims the output, so the source is trimmed here.
    this.template =
        rewrite(
            template.endsWith("\n") ? template.substring(0, template.length() - 1) : template,
            source);
    this.specialTokens = new HashMap<>(specialTokens);
    this.jinjava = newJinjava();
    // Jinjava renders an unknown filter as an empty string without an error; jinja2 refuses it.
    for (String filter : filters(this.template)) {
      if (jinjava.getGlobalContext().getFilter(filter) == null) {
        throw new ConfigurationException(
            "The chat template of "
                + source
                + " uses the filter '"
                + filter
                + "', which Jinjava does not have");
      }
    }
    this.systemRole = probeSystemRole();
  }

  /**
   * The template of a model folder: {@code chat_template.jinja} if present, else {@code
   * tokenizer_config.json}'s {@code chat_template} (a string, or a list of {@code {name, template}}
   * of which the one named {@code default} is used, as transformers does).
   *
   * @return empty when the model has no template (a base model)
   * @throws ConfigurationException when the file cannot be read or the template is malformed
   */
  public static Optional<ChatTemplate> load(Path dir) {
    Path config = dir.resolve("tokenizer_config.json");
    Path jinjaFile = dir.resolve("chat_template.jinja");
    JsonNode root = JSON.createObjectNode();
    if (Files.isRegularFile(config)) {
      try {
        root = JSON.readTree(config.toFile());
      } catch (IOException e) {
        throw new ConfigurationException("Cannot read " + config + ": " + e.getMessage(), e);
      }
    }
    Map<String, String> special = new LinkedHashMap<>();
    for (String name : SPECIAL_TOKENS) {
      JsonNode token = root.path(name);
      if (token.isTextual()) {
        special.put(name, token.asText());
      } else if (token.isObject() && token.path("content").isTextual()) {
        special.put(name, token.path("content").asText());
      }
    }
    try {
      if (Files.isRegularFile(jinjaFile)) {
        return Optional.of(
            new ChatTemplate(
                Files.readString(jinjaFile, StandardCharsets.UTF_8),
                special,
                jinjaFile.toString()));
      }
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read " + jinjaFile + ": " + e.getMessage(), e);
    }
    JsonNode t = root.path("chat_template");
    if (t.isTextual()) {
      return Optional.of(new ChatTemplate(t.asText(), special, config.toString()));
    }
    if (t.isArray()) {
      List<String> names = new ArrayList<>();
      for (JsonNode named : t) {
        names.add(named.path("name").asText());
        if ("default".equals(named.path("name").asText()) && named.path("template").isTextual()) {
          return Optional.of(
              new ChatTemplate(named.path("template").asText(), special, config + " (default)"));
        }
      }
      throw new ConfigurationException(
          config + ": chat_template lists " + names + " but none is named 'default'");
    }
    if (!t.isMissingNode() && !t.isNull()) {
      throw new ConfigurationException(config + ": chat_template must be a string or a list");
    }
    return Optional.empty();
  }

  /** Whether the template accepts a {@code system} message (Gemma's and Mistral's do not). */
  public boolean hasSystemRole() {
    return systemRole;
  }

  /**
   * The prompt for summarizing a note: the instruction as the system message (or, when the template
   * has no system role, before the note in the user message, after a blank line), the note as the
   * user message, with the generation prompt, so the model's answer follows.
   */
  public String prompt(String instruction, String note) {
    List<Map<String, Object>> messages = new ArrayList<>();
    if (systemRole) {
      messages.add(message("system", instruction));
      messages.add(message("user", note));
    } else {
      messages.add(message("user", instruction + "\n\n" + note));
    }
    return render(messages, true);
  }

  /**
   * Renders messages ({@code role}, {@code content}, ...) as transformers' {@code
   * apply_chat_template(messages, tokenize=False, add_generation_prompt=...)} does.
   *
   * @throws ConfigurationException naming the file when the template raises or fails
   */
  public String render(List<? extends Map<String, ?>> messages, boolean addGenerationPrompt) {
    Map<String, Object> context = new HashMap<>(specialTokens);
    context.put("messages", messages);
    context.put("add_generation_prompt", addGenerationPrompt);
    RenderResult result;
    try {
      result = jinjava.renderForResult(template, context);
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "The chat template of " + source + " failed: " + raised(e).orElse(e.toString()), e);
    }
    if (result.hasErrors()) {
      TemplateError first = result.getErrors().get(0);
      String why =
          Optional.ofNullable(first.getException())
              .flatMap(ChatTemplate::raised)
              .orElse(first.getMessage());
      throw new ConfigurationException(
          "The chat template of " + source + " failed (line " + first.getLineno() + "): " + why);
    }
    return result.getOutput();
  }

  private static Map<String, Object> message(String role, String content) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("role", role);
    m.put("content", content);
    return m;
  }

  private boolean probeSystemRole() {
    try {
      render(List.of(message("system", "s"), message("user", "u")), true);
      return true;
    } catch (ConfigurationException e) {
      // Fails loudly later if the user-only form fails too.
      render(List.of(message("user", "u")), true);
      return false;
    }
  }

  private static Optional<String> raised(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TemplateRaised r) {
        return Optional.of("raise_exception('" + r.getMessage() + "')");
      }
    }
    return Optional.empty();
  }

  private static Jinjava newJinjava() {
    JinjavaConfig config =
        JinjavaConfig.newBuilder()
            // trim_blocks and lstrip_blocks are applied to the source by rewrite(), as jinja2's
            // lexer applies them; Jinjava's own options strip more.
            .withTrimBlocks(false)
            .withLstripBlocks(false)
            .withKeepTrailingNewline(true)
            .withNestedInterpretationEnabled(false)
            .withFailOnUnknownTokens(false)
            .withLegacyOverrides(
                LegacyOverrides.newBuilder()
                    .withUseNaturalOperatorPrecedence(true)
                    .withParseWhitespaceControlStrictly(true)
                    .withUseTrimmingForNotesAndExpressions(true)
                    .withKeepNullableLoopValues(true)
                    .withHandleBackslashInQuotesOnly(true)
                    .withDefaultKeepTrailingNewlineBehavior(true)
                    .build())
            .build();
    Jinjava j = new Jinjava(config);
    j.getGlobalContext()
        .registerFunction(
            new ELFunctionDefinition(
                "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
    j.getGlobalContext().registerFilter(new ToJson());
    return j;
  }

  /** The template's {@code raise_exception(message)}: fails the render. */
  public static String raiseException(String message) {
    throw new TemplateRaised(message);
  }

  private static final class TemplateRaised extends RuntimeException {
    TemplateRaised(String message) {
      super(message);
    }
  }

  /** transformers' {@code tojson}: {@code json.dumps(x, ensure_ascii=False)} spacing. */
  private static final class ToJson implements Filter {
    @Override
    public String getName() {
      return "tojson";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      StringBuilder out = new StringBuilder();
      write(var, out);
      return out.toString();
    }
  }

  static void write(Object v, StringBuilder out) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      out.append(v);
    } else if (v instanceof Number n) {
      double d = n.doubleValue();
      out.append(d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d) : n.toString());
    } else if (v instanceof Map<?, ?> m) {
      out.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.append(sep);
        quote(String.valueOf(e.getKey()), out);
        out.append(": ");
        write(e.getValue(), out);
        sep = ", ";
      }
      out.append('}');
    } else if (v instanceof Collection<?> c) {
      out.append('[');
      String sep = "";
      for (Object o : c) {
        out.append(sep);
        write(o, out);
        sep = ", ";
      }
      out.append(']');
    } else {
      quote(v.toString(), out);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_]\\w*)");

  /** The filters the template's code uses (outside string literals). */
  static Set<String> filters(String t) {
    Set<String> names = new TreeSet<>();
    rewrite(
        t,
        "",
        code -> {
          Matcher m = FILTER.matcher(code);
          while (m.find()) {
            names.add(m.group(1));
          }
          return code;
        });
    return names;
  }

  private static final Pattern CODE_REWRITES =
      Pattern.compile(
          "\\bTrue\\b|\\bFalse\\b|\\bNone\\b|\\[\\s*::\\s*-1\\s*]|\\.startswith\\(|\\.endswith\\("
              + "|\\.strip\\(\\s*\\)|\\.lstrip\\(\\s*\\)|\\.rstrip\\(\\s*\\)|\\.[lr]?strip\\(");

  /**
   * Rewrites the Python-only constructs inside {@code {{ }}} and {@code {% %}}, outside string
   * literals, and comments into empty blocks; text and literals are left as they are.
   */
  static String rewrite(String t, String source) {
    return rewrite(t, source, code -> rewritePlain(code, source));
  }

  private static String rewrite(String t, String source, UnaryOperator<String> plain) {
    StringBuilder out = new StringBuilder(t.length());
    int i = 0;
    while (i < t.length()) {
      int open = nextTag(t, i);
      if (open < 0) {
        out.append(t, i, t.length());
        break;
      }
      out.append(t, i, open);
      boolean block = !t.startsWith("{{", open);
      if (block && !t.startsWith("-", open + 2) && !t.startsWith("+", open + 2)) {
        lstrip(t, Math.max(i, 0), open, out);
      }
      if (t.startsWith("{#", open)) {
        // Jinjava drops the whitespace around a comment, jinja2 keeps it (trim_blocks and
        // lstrip_blocks apply to comments as to blocks): an empty block with the same
        // whitespace control renders as jinja2 renders the comment.
        int end = t.indexOf("#}", open + 2);
        if (end < 0) {
          throw new ConfigurationException(
              "The chat template of " + source + " has an unclosed comment ({#)");
        }
        boolean left = t.startsWith("{#-", open);
        boolean right = end > open + 2 && t.charAt(end - 1) == '-';
        out.append(left ? "{%- if false %}" : "{% if false %}")
            .append(right ? "{% endif -%}" : "{% endif %}");
        i = trimBlock(t, end + 2);
        continue;
      }
      String close = t.startsWith("{{", open) ? "}}" : "%}";
      int j = open + 2;
      StringBuilder code = new StringBuilder();
      char quote = 0;
      while (j < t.length()) {
        char c = t.charAt(j);
        if (quote != 0) {
          if (c == '\\' && j + 1 < t.length()) {
            code.append(c).append(t.charAt(j + 1));
            j += 2;
            continue;
          }
          if (c == quote) {
            quote = 0;
          }
          code.append(c);
          j++;
          continue;
        }
        if (t.startsWith(close, j)) {
          break;
        }
        if (c == '\'' || c == '"') {
          quote = c;
        }
        code.append(c);
        j++;
      }
      String body = code.toString();
      if (block && body.startsWith("+")) {
        body = body.substring(1); // "{%+": no lstrip, done above; Jinjava does not know it
      }
      boolean keepNewline = block && body.endsWith("+");
      if (keepNewline) {
        body = body.substring(0, body.length() - 1); // "+%}": no trim_blocks
      }
      out.append(t, open, open + 2).append(rewriteCode(body, plain));
      if (j < t.length()) {
        out.append(close);
        j += 2;
        if (block && !keepNewline) {
          j = trimBlock(t, j);
        }
      }
      i = j;
    }
    return out.toString();
  }

  /**
   * jinja2's {@code lstrip_blocks}: the spaces and tabs between the start of a source line and a
   * block or comment tag go (Jinjava's option also strips them in the middle of a line). {@code
   * text} is where the text before the tag began, already copied to {@code out}.
   */
  private static void lstrip(String t, int text, int open, StringBuilder out) {
    int k = open;
    while (k > 0 && t.charAt(k - 1) != '\n' && Character.isWhitespace(t.charAt(k - 1))) {
      k--;
    }
    if ((k == 0 || t.charAt(k - 1) == '\n') && k >= text) {
      out.setLength(out.length() - (open - k));
    }
  }

  /** jinja2's {@code trim_blocks}: the one newline right after a block or comment tag goes. */
  private static int trimBlock(String t, int at) {
    return t.startsWith("\n", at) ? at + 1 : at;
  }

  private static int nextTag(String t, int from) {
    int best = -1;
    for (String open : new String[] {"{{", "{%", "{#"}) {
      int at = t.indexOf(open, from);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  /** Rewrites one tag's code, leaving its string literals alone. */
  private static String rewriteCode(String code, UnaryOperator<String> plain) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c) {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(j + 1, code.length());
        out.append(code, i, j);
        i = j;
        continue;
      }
      int j = i;
      while (j < code.length() && code.charAt(j) != '\'' && code.charAt(j) != '"') {
        j++;
      }
      out.append(plain.apply(code.substring(i, j)));
      i = j;
    }
    return out.toString();
  }

  private static String rewritePlain(String code, String source) {
    Matcher m = CODE_REWRITES.matcher(code);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String g = m.group();
      String replacement =
          switch (g.replaceAll("\\s", "")) {
            case "True" -> "true";
            case "False" -> "false";
            case "None" -> "null";
            case "[::-1]" -> "|reverse";
            case ".startswith(" -> ".startsWith(";
            case ".endswith(" -> ".endsWith(";
            case ".strip()" -> ".strip()";
            case ".lstrip()" -> ".stripLeading()";
            case ".rstrip()" -> ".stripTrailing()";
            default ->
                throw new ConfigurationException(
                    "The chat template of "
                        + source
                        + " calls "
                        + g
                        + "...) with characters to strip, which Jinjava cannot render as Python"
                        + " does; give the model a chat_template without it");
          };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
