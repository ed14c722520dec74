"""Quotation tracking: which stretches of an article lie inside quotation marks."""

from auditor.quotes import find_quotes


def quoted(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_double_quotes():
    text = 'She said “no deal” and he said "maybe later".'
    assert quoted(text) == ["“no deal”", '"maybe later"']


def test_apostrophes_are_not_quotation_marks():
    text = "The minister’s aide said it wasn’t the ’90s any more."
    assert quoted(text) == []


def test_curly_single_quotes_used_as_quotes():
    text = "Critics called it ‘a betrayal’ of voters."
    assert quoted(text) == ["‘a betrayal’"]


def test_doubled_apostrophes_used_as_quotation_marks():
    text = "''This isn't reform,'' said the analyst."
    assert quoted(text) == ["''This isn't reform,''"]


def test_quotation_running_over_two_sentences():
    text = "“The bridge is safe. We checked it twice,” the engineer said."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "“The bridge is safe. We checked it twice,”"
    assert q.closed


def test_unclosed_quotation_ends_at_its_paragraph():
    text = "“We will not give up.\n\nThe next paragraph is narration."
    (q,) = find_quotes(text)
    assert not q.closed
    assert text[q.start : q.end] == "“We will not give up."


def test_many_marks_are_tracked_in_order():
    text = " ".join(f"“q{i}” x" for i in range(500))
    found = find_quotes(text)
    assert len(found) == 500
    assert text[found[-1].start : found[-1].end] == "“q499”"
