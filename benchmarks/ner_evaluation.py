"""How a statistical named-entity recogniser does on the letter check's corpus: the
evaluation behind the choice of word lists and cues for people's names (report/names.py).

    pip install presidio-analyzer spacy <an English spaCy pipeline>   (in a separate venv)
    python benchmarks/ner_evaluation.py --model en_core_web_sm

Not part of the app or its tests: presidio and spaCy are not dependencies. It prints the
PERSON recall on the corpus's person_name positives, the look-alikes it flags (any PERSON
found), the time to load, and the speed in characters per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gate_corpus import corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en_core_web_sm", help="spaCy pipeline package")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": args.model}])
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    analyzer.analyze("Warm up.", language="en", entities=["PERSON"])
    loaded = time.perf_counter() - started

    def persons(text: str) -> list[tuple[int, int]]:
        found = analyzer.analyze(text, language="en", entities=["PERSON"])
        return [(r.start, r.end) for r in found]

    names = [p for p in corpus.positives() if p.kind == "person_name"]
    caught = 0
    for p in names:
        at = p.text.find(p.match)
        caught += any(s < at + len(p.match) and at < e for s, e in persons(p.text))
    look_alikes = corpus.look_alikes()
    started = time.perf_counter()
    flagged = [la for la in look_alikes if persons(la.text)]
    seconds = time.perf_counter() - started
    chars = sum(len(la.text) for la in look_alikes)
    print(f"load {loaded:.1f} s")
    print(f"PERSON recall {caught}/{len(names)} = {caught / len(names):.1%}")
    print(
        f"look-alikes flagged {len(flagged)}/{len(look_alikes)} = "
        f"{100 * len(flagged) / len(look_alikes):.1f} per 100"
    )
    print(f"speed {chars / seconds:,.0f} characters per second")
    for la in flagged:
        print(f"  flagged ({la.family}): {la.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
