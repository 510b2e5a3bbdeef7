"""Text, Markdown and HTML renderings of metafor's own results for pritz1997 and debruin2009.

The expected figures are metafor's printed output (``print(rma(...))``, ``predict``, ``confint``)
as recorded in ``../shared/data/metafor-reference/README.md``, rounded as meta prints them.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from evidence.report.render import render_html, render_markdown, render_text

SCRIPT = 'ORR was 16/17 (94%) <script>alert("x")</script> & more'


def _with_sources(d: dict) -> dict:
    first = d["studies"][0]
    first.update(pmid="9167872", year=1997, title="Intra-arterial papaverine <for> vasospasm",
                 evidence={"text": SCRIPT, "start": 120, "end": 175})
    d["measure"] = "ORR"
    d["skipped"] = [{"study": "Ohkuma et al.", "reason": "no ORR with events and total"}]
    d["notes"] = ["2 studies received a continuity correction of 0.5"]
    return d


def test_text_prints_metafor_pooled_numbers_for_pritz_reml_knha(pritz):
    text = render_text(pritz)
    assert "0.7575  [0.6481; 0.8412]" in text
    assert "Prediction interval                      [0.4333; 0.9273]" in text
    assert "t(13) = 4.66" in text and "0.0004" in text
    assert "tau² = 0.3646 [0.0414; 2.0510]; tau = 0.6038" in text
    assert "I² = 56.56% [12.87%; 87.99%]; H² = 2.30" in text
    assert "Q = 29.79, df = 13, p = 0.0051" in text
    assert "On the logit scale: 1.1389 (SE 0.2444), CI [0.6108; 1.6670]" in text
    assert "transform logit, method reml, test knha, level 95%" in text
    assert "Tanabe et al., Hadeishi et al." in text


def test_text_study_table_has_counts_exact_intervals_and_weights(pritz):
    lines = render_text(pritz).splitlines()
    header = next(line for line in lines if line.startswith("Study"))
    assert header.split() == ["Study", "Events", "Total", "Proportion", "95%", "CI", "Weight"]
    kassell = next(line for line in lines if line.startswith("Kassell et al."))
    # binom.test(43, 58): 0.6096-0.8474; metafor weights(): 12.83 %
    assert kassell.split()[-6:] == ["43", "58", "0.7414", "[0.6096;", "0.8474]", "12.8%"]
    tanabe = next(line for line in lines if line.startswith("Tanabe et al."))
    assert tanabe.split()[-4:] == ["1.0000", "[0.6915;", "1.0000]", "2.4%"]
    rows = [line for line in lines if any(line.startswith(s["study"]) for s in pritz["studies"])]
    assert len(rows) == 14
    assert len({line.index("[") for line in rows}) == 1, "interval column is aligned"
    assert max(len(line) for line in lines) <= 100


def test_p_values_below_a_ten_thousandth_print_as_meta_does(fit_of):
    d = fit_of("debruin2009", "PLO", "DL", "z")
    text = render_text(d)
    # Q = 95.96 on 12 df: p = 2.8e-15 in metafor
    assert "Q = 95.96, df = 12, p < 0.0001" in text
    assert "p = 0.0000" not in text


def test_fixed_effect_has_no_prediction_interval_and_zero_tau2(fit_of):
    d = fit_of("pritz1997", "PLO", "FE", "z")
    text = render_text(d)
    assert "Common effect model" in text
    assert "Prediction interval " not in text.split("Heterogeneity")[0].split("Pooled proportion\n")[1]
    assert "tau² = 0" in text
    # metafor FE: I² = (Q - df)/Q = (29.79 - 13)/29.79
    assert "I² = 56.35%" in text


def test_freeman_tukey_back_transform_as_metafor_prints_it(fit_of):
    text = render_text(fit_of("pritz1997", "PFT", "DL", "z"))
    assert "0.8023  [0.7047; 0.8866]" in text
    assert "[0.4791; 0.9965]" in text
    assert "Freeman-Tukey scale" in text


def test_subgroups_and_between_groups_test(debruin_by_group):
    text = render_text(debruin_by_group)
    block = text.split("Subgroups\n---------\n")[1]
    caucasian = next(line for line in block.splitlines() if line.startswith("caucasian"))
    other = next(line for line in block.splitlines() if line.startswith("other"))
    assert caucasian.split()[:5] == ["caucasian", "6", "0.5503", "[0.4308;", "0.6643]"]
    assert other.split()[:5] == ["other", "7", "0.3991", "[0.2508;", "0.5686]"]
    assert "Test for subgroup differences: Q = 3.29, df = 1, p = 0.0697" in block


def test_skipped_studies_and_notes_are_listed(pritz):
    text = render_text(_with_sources(pritz))
    assert "Skipped studies (1)" in text
    assert "Ohkuma et al.  no ORR with events and total" in text
    assert "Note: 2 studies received a continuity correction of 0.5" in text
    assert text.startswith("Pooled ORR proportion 0.7575 (95% CI [0.6481; 0.8412]), k = 14 studies")


def test_sensitivity_sections_when_present(pritz_oracle, pritz):
    extras = pritz_oracle["extras"]["PLO|REML|z"]
    pritz["leave1out"] = extras["leave1out"]  # metafor's columns, as as.data.frame(leave1out(fit)) gives
    pritz["egger"] = {"stat": extras["regtest"]["stat"], "p": extras["regtest"]["pval"]}
    pritz["begg"] = {"tau": extras["ranktest"]["kendall_tau"], "p": extras["ranktest"]["pval"]}
    pritz["trimfill"] = extras["trimfill"]
    text = render_text(pritz)
    otsubo = next(line for line in text.split("Leave-one-out analysis")[1].splitlines()
                  if line.startswith("Otsubo et al."))
    assert otsubo.split()[-4:] == ["0.7778", "0.2626", "44.57%", "0.0391"]
    assert "Egger's regression test for funnel plot asymmetry: z = 2.41, p = 0.0159" in text
    assert "Kendall's tau = 0.297, p = 0.1572" in text
    assert "Trim-and-fill: 4 studies imputed on the left; adjusted proportion 0.7087 [0.6022; 0.7963]" in text


def test_absent_sensitivity_keys_leave_no_section(pritz):
    text = render_text(pritz)
    for title in ("Leave-one-out", "Cumulative", "Small-study", "Skipped", "Subgroups"):
        assert title not in text


def test_markdown_tables_links_and_escaped_sentence(pritz):
    md = render_markdown(_with_sources(pritz), {"Forest plot": "forest.svg"})
    assert "![Forest plot](forest.svg)" in md
    assert "| Study | Events | Total | Proportion | 95% CI | Weight |" in md
    assert "|:---|---:|---:|---:|---:|---:|" in md
    assert "| [Giannotta et al.](https://pubmed.ncbi.nlm.nih.gov/9167872/) | 16 | 17 | 0.9412 |" in md
    assert "<script>" not in md and "</script>" not in md
    assert '&lt;script>alert("x")&lt;/script> & more' in md
    assert "| Random effects model (REML) | 0.7575 | [0.6481; 0.8412] | t(13) = 4.66 | 0.0004 |" in md


class _Checker(HTMLParser):
    """Collects links, text and whether every opened element was closed in order."""

    VOID = {"meta", "br", "img", "hr", "link", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.links, self.text, self.tags = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.links.append(dict(attrs).get("href"))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


def test_html_is_well_formed_with_pubmed_link_and_escaped_evidence(pritz):
    page = render_html(_with_sources(pritz))
    checker = _parse(page)
    assert checker.errors == [] and checker.stack == []
    assert "https://pubmed.ncbi.nlm.nih.gov/9167872/" in checker.links
    assert "script" not in checker.tags
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in page
    assert SCRIPT in "".join(checker.text)
    assert "Intra-arterial papaverine &lt;for&gt; vasospasm" in page
    assert "<style>" in page and "<link" not in page and "src=\"http" not in page


def test_html_shows_metafor_numbers(pritz):
    text = "".join(_parse(render_html(pritz)).text)
    for figure in ("0.7575", "[0.6481; 0.8412]", "[0.4333; 0.9273]", "56.56%", "[0.0414; 2.0510]",
                   "t(13) = 4.66", "29.79"):
        assert figure in text, figure


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_html_embeds_figures_inline(pritz, kind):
    content = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n'
               '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="4" height="4"/></svg>'
               if kind == "svg" else "iVBORw0KGgo=")
    page = render_html(pritz, {"Forest plot": content})
    checker = _parse(page)
    assert checker.errors == []
    if kind == "svg":
        assert "svg" in checker.tags and "<?xml" not in page and page.count("<!DOCTYPE") == 1
    else:
        assert 'src="data:image/png;base64,iVBORw0KGgo="' in page
    assert "Forest plot" in "".join(checker.text)


def test_glmm_result_without_weights_or_tau2_interval(fit_of):
    d = fit_of("pritz1997", method="GLMM", test="z")
    text = render_text(d)
    # rma.glmm(measure="PLO", method="ML"): 0.7984 [0.6924, 0.8746], z = 4.77, p = 1.8e-6
    assert "Random effects model (GLMM)      0.7984  [0.6924; 0.8746]  z = 4.77  < 0.0001" in text
    assert "[0.4426; 0.9518]" in text
    assert "tau² = 0.5893; tau = 0.7677" in text
    kassell = next(line for line in text.splitlines() if line.startswith("Kassell et al."))
    assert kassell.split()[-5:] == ["43", "58", "0.7414", "[0.6096;", "0.8474]"]
    assert "Weight" not in text


def test_trimfill_that_failed_says_so(pritz):
    pritz["trimfill"] = {"estimator": "L0", "error": "trim and fill did not converge"}
    assert "Trim-and-fill: trim and fill did not converge" in render_text(pritz)


def test_cumulative_records_with_their_order(pritz_oracle, pritz):
    cumul = pritz_oracle["extras"]["PLO|REML|z"]["cumul"]
    pritz["cumulative"] = cumul
    text = render_text(pritz)
    assert "Cumulative meta-analysis (input order)" in text
    last = next(line for line in text.split("Cumulative")[1].splitlines() if line.startswith("Solomon et al."))
    # metafor cumul(), REML/z, all 14 studies: tau² 0.3646 and I² 56.56 % as in the full fit
    assert last.split()[-2:] == ["0.3646", "56.56%"]


def test_evidence_given_as_a_bare_sentence_and_study_named_by_pmid(pritz):
    first = pritz["studies"][0]
    first.update(study="9167872", pmid="9167872", evidence="Vasospasm improved in 16 of 17 patients <b>.")
    page = render_html(pritz)
    assert '<a href="https://pubmed.ncbi.nlm.nih.gov/9167872/"><b>9167872</b></a>' in page
    assert "<blockquote>Vasospasm improved in 16 of 17 patients &lt;b&gt;.</blockquote>" in page
    assert '<b>9167872</b></a> · 16/17<blockquote>' in page
    md = render_markdown(pritz)
    assert "- [**9167872**](https://pubmed.ncbi.nlm.nih.gov/9167872/) · 16/17" in md
    assert "  > Vasospasm improved in 16 of 17 patients &lt;b>." in md


def test_markdown_keeps_plain_less_than_and_escapes_entities(fit_of):
    d = fit_of("debruin2009", "PLO", "DL", "z")
    d["notes"] = ["AT&amp;T <i>x</i> & 3 < 4"]
    md = render_markdown(d)
    assert "Test of heterogeneity: Q = 95.96, df = 12, p < 0.0001" in md
    assert "Note: AT&amp;amp;T &lt;i>x&lt;/i> & 3 < 4" in md


def test_details_keep_their_order_and_notes_do_not_join_the_list(pritz):
    pritz["notes"] = ["GLMM fits are not weighted"]
    md = render_markdown(pritz)
    details = md.split("## Details on the meta-analytical method")[1]
    assert details.index("Settings:") < details.index("- random effects, REML tau²")
    assert "- Continuity correction in: Tanabe et al., Hadeishi et al.\n\nNote: GLMM fits" in details
    page = render_html(pritz)
    assert page.index("<p>Settings:") < page.index("<ul><li>random effects") < page.index("<p>Note: GLMM")


def test_html_draws_its_own_figures_unless_told_not_to(pritz):
    assert _parse(render_html(pritz)).tags.count("svg") == 2
    assert "svg" not in _parse(render_html(pritz, {})).tags
    for study in pritz["studies"]:
        del study["vi"]
    assert _parse(render_html(pritz)).tags.count("svg") == 1, "no funnel without study variances"
