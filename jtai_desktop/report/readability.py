"""Plain English: sentences longer than a reader can hold at once.

The GOV.UK guidance is to keep sentences to about 25 words; a long sentence is a warning for
the lead, never a reason to stop an export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WORDS = 25

# A sentence ends at . ! or ? followed by space and a capital, a digit or a quote, or at the
# end of the text. "e.g. this" and "3.5 per cent" therefore stay within one sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(])")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


@dataclass(frozen=True)
class LongSentence:
    paragraph: int  # index of the paragraph within its section
    words: int
    opening: str  # the first few words, so the lead can find the sentence


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def long_sentences(paragraphs: list[tuple[int, str]], limit: int = MAX_WORDS) -> list[LongSentence]:
    """Sentences over ``limit`` words in (index, text) paragraphs."""
    found = []
    for index, text in paragraphs:
        for sentence in sentences(text):
            count = word_count(sentence)
            if count > limit:
                found.append(LongSentence(index, count, " ".join(sentence.split()[:6])))
    return found
