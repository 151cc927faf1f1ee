"""Marks in text: search words in a sentence, evidence spans (overlapping ones too) in an article."""
from service.desk.highlight import mark_spans, mark_words, span_segments


def test_search_words_are_marked_and_the_rest_escaped():
    text = 'Talks on <b>"quotas"</b> & Quota-talk'
    assert str(mark_words(text, "quota TALK")) == (
        '<mark class="hit">Talks</mark> on &lt;b&gt;&#34;<mark class="hit">quotas</mark>&#34;&lt;/b&gt; &amp; '
        '<mark class="hit">Quota</mark>-<mark class="hit">talk</mark>')
    assert str(mark_words(text, None)) == "Talks on &lt;b&gt;&#34;quotas&#34;&lt;/b&gt; &amp; Quota-talk"
    assert str(mark_words(text, '"')) == str(mark_words(text, None))  # no word: nothing to mark


def test_overlapping_spans_cut_the_text_at_every_edge():
    assert span_segments(20, [(2, 10, 1), (5, 15, 2), (5, 15, 3)]) == [
        (0, 2, []), (2, 5, [1]), (5, 10, [1, 2, 3]), (10, 15, [2, 3]), (15, 20, [])]
    # offsets past the text are clipped to it
    assert span_segments(5, [(3, 99, 4)]) == [(0, 3, []), (3, 5, [4])]


def test_spans_are_marked_with_their_offsets_and_followed_by_links_to_their_events():
    text = "A <met> B. C wrote."
    html = str(mark_spans(text, [(0, 10, 7), (11, 19, 8)], lambda event: f"/events/{event}"))
    assert html == (
        '<mark class="span" id="span-0" data-start="0" data-end="10" data-events="7">A &lt;met&gt; B.</mark>'
        '<a class="span-link" href="/events/7"><span class="visually-hidden">evidence for </span>event&nbsp;7</a> '
        '<mark class="span" id="span-11" data-start="11" data-end="19" data-events="8">C wrote.</mark>'
        '<a class="span-link" href="/events/8"><span class="visually-hidden">evidence for </span>event&nbsp;8</a>')
