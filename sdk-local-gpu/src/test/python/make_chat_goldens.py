"""Renders the chat templates of src/test/resources/chat-templates/ the way transformers does.

Writes goldens.json next to them: for each template and message list, the text that
transformers 4.57.6's own compiler (jinja2 ImmutableSandboxedEnvironment with trim_blocks,
lstrip_blocks, its raise_exception and tojson) renders with add_generation_prompt=True, or the
exception the template raises. ChatTemplateParityTest compares Jinjava's renderings byte for byte.

Run: python src/test/python/make_chat_goldens.py  (from sdk-local-gpu/)
"""

import json
import pathlib

import transformers
from transformers.utils.chat_template_utils import _compile_jinja_template

HERE = pathlib.Path(__file__).resolve().parents[1] / "resources" / "chat-templates"

SYSTEM = "Summarize the following clinical note."
NOTE = "Pt is a 72 y/o F admitted with CHF exacerbation.\nBP 142/88, HR 96. Plan: diuresis."
CASES = {
    "system+user": [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": NOTE},
    ],
    "user": [{"role": "user", "content": SYSTEM + "\n\n" + NOTE}],
    "unicode": [
        {"role": "system", "content": "Fasse die Notiz zusammen — kurz."},
        {"role": "user", "content": "Patientin, 72 J.: Schmerz 7/10 ✓ café 患者 \U0001F489\tEnde"},
    ],
    "html-ish": [
        {"role": "system", "content": "  <b>Be brief</b> & exact.  "},
        {"role": "user", "content": "<note id=\"1\">K+ < 3.5 & Na > 145</note> {{ not_a_variable }} {% raw %} 'quoted' \\ backslash"},
    ],
    "multi-turn": [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": "First note."},
        {"role": "assistant", "content": "  A summary.  "},
        {"role": "user", "content": NOTE},
    ],
}
# The same texts without a system turn, for templates that have no system role (Gemma, Mistral).
for _name in ("unicode", "html-ish"):
    _sys, _user = CASES[_name]
    CASES[_name + "-user"] = [{"role": "user", "content": _sys["content"] + "\n\n" + _user["content"]}]
CASES["multi-turn-user"] = CASES["multi-turn"][1:]
SPECIAL = {"bos_token": "<s>", "eos_token": "</s>"}


def main():
    goldens = {"transformers": transformers.__version__, "cases": CASES, "special": SPECIAL, "renderings": {}}
    for path in sorted(HERE.glob("*.jinja")):
        compiled = _compile_jinja_template(path.read_text(encoding="utf-8"))
        out = {}
        for name, messages in CASES.items():
            try:
                out[name] = {"text": compiled.render(messages=messages, add_generation_prompt=True, **SPECIAL)}
            except Exception as e:  # the template's raise_exception
                out[name] = {"error": str(e)}
        goldens["renderings"][path.name] = out
    # End to end: the tiny Llama test model carries SmolLM2's template; the prompt token ids
    # transformers makes from the backend's messages (instruction as system, note as user).
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(HERE.parent / "models" / "causal" / "llama-tiny")
    goldens["llama-tiny"] = []
    for instruction, note in [(SYSTEM, NOTE), ("List the medications.", "Metoprolol 25 mg b.i.d.; café 😀.")]:
        messages = [{"role": "system", "content": instruction}, {"role": "user", "content": note}]
        goldens["llama-tiny"].append({
            "instruction": instruction, "note": note,
            "text": tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=False),
            "input_ids": tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=True),
        })
    (HERE / "goldens.json").write_text(json.dumps(goldens, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
