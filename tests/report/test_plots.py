"""Forest and funnel plots of metafor's results: the drawn geometry must carry metafor's numbers."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from evidence.errors import InputError
from evidence.report.plots import figure_bytes, forest_plot, funnel_plot, save_figure

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _by_gid(fig, prefix: str) -> dict:
    return {artist.get_gid(): artist for artist in fig.axes[0].get_children()
            if (artist.get_gid() or "").startswith(prefix)}


def _squares(fig) -> list:
    found = _by_gid(fig, "study-")
    return [found[f"study-{i}"] for i in range(1, len(found) + 1)]


def test_forest_has_a_square_per_study_at_its_proportion(pritz):
    fig = forest_plot(pritz)
    squares = _squares(fig)
    assert len(squares) == 14
    assert [sq.get_xdata()[0] for sq in squares] == pytest.approx([s["proportion"] for s in pritz["studies"]])
    heights = [sq.get_ydata()[0] for sq in squares]
    assert heights == sorted(heights, reverse=True), "studies run top to bottom in input order"
    whiskers = _by_gid(fig, "ci-")
    # Kassell et al. 43/58: binom.test interval 0.6096-0.8474
    assert list(whiskers["ci-4"].get_xdata()) == pytest.approx([0.6096, 0.8474], abs=5e-5)


def test_forest_square_area_follows_metafor_weight(pritz):
    squares = _squares(forest_plot(pritz))
    sizes = {s["study"]: sq.get_markersize() for s, sq in zip(pritz["studies"], squares)}
    # weights(): Kassell 12.83 %, Levy 9.40 %, Tanabe 2.37 %
    assert sizes["Kassell et al."] > sizes["Levy et al."] > sizes["Tanabe et al."]


def test_forest_diamond_and_prediction_bar_match_metafor(pritz):
    fig = forest_plot(pritz)
    diamond = _by_gid(fig, "pooled")["pooled"]
    xs = sorted(x for x, _ in diamond.get_xy()[:4])
    assert xs == pytest.approx([0.6481, 0.7575, 0.7575, 0.8412], abs=5e-5)
    prediction = _by_gid(fig, "prediction")["prediction"]
    assert list(prediction.get_xdata()) == pytest.approx([0.4333, 0.9273], abs=5e-5)
    assert diamond.get_xy()[0][1] < min(sq.get_ydata()[0] for sq in _squares(fig))
    assert fig.axes[0].get_xlim()[0] < 0 < 1 < fig.axes[0].get_xlim()[1]


def test_forest_columns_name_every_study_with_counts_and_interval(pritz):
    texts = [t.get_text() for t in forest_plot(pritz).axes[0].texts]
    for study in pritz["studies"]:
        assert study["study"] in texts
    assert "[0.6096; 0.8474]" in texts and "12.8%" in texts
    assert "0.7575" in texts and "[0.6481; 0.8412]" in texts and "[0.4333; 0.9273]" in texts
    assert {"Study", "Events", "Total", "Proportion", "95% CI", "Weight"} <= set(texts)
    footer = " ".join(a.get_text() for a in forest_plot(pritz).axes[0].texts)
    assert "I² = 56.56%" in footer and "τ² = 0.3646" in footer


def test_forest_with_subgroups_draws_each_group_and_its_diamond(debruin_by_group):
    fig = forest_plot(debruin_by_group)
    assert len(_squares(fig)) == 13
    diamonds = _by_gid(fig, "subgroup-")
    assert set(diamonds) == {"subgroup-caucasian", "subgroup-other"}
    caucasian = sorted(x for x, _ in diamonds["subgroup-caucasian"].get_xy()[:4])
    assert [caucasian[0], caucasian[-1]] == pytest.approx([0.4308, 0.6643], abs=5e-5)
    other = sorted(x for x, _ in diamonds["subgroup-other"].get_xy()[:4])
    assert [other[0], other[-1]] == pytest.approx([0.2508, 0.5686], abs=5e-5)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "caucasian" in texts and "Test for subgroup differences: Q = 3.29 (df = 1), p = 0.0697" in texts


def test_forest_without_weights_has_equal_squares_and_no_weight_column(pritz):
    for study in pritz["studies"]:
        study["weight"] = None
    fig = forest_plot(pritz)
    assert len({sq.get_markersize() for sq in _squares(fig)}) == 1
    assert "Weight" not in [t.get_text() for t in fig.axes[0].texts]


def test_funnel_plots_yi_against_se_with_inverted_axis(pritz):
    fig = funnel_plot(pritz)
    ax = fig.axes[0]
    points = _by_gid(fig, "studies")["studies"]
    assert list(points.get_xdata()) == pytest.approx([s["yi"] for s in pritz["studies"]])
    assert list(points.get_ydata()) == pytest.approx([math.sqrt(s["vi"]) for s in pritz["studies"]])
    assert ax.get_ylim()[0] > ax.get_ylim()[1] == 0
    funnel = _by_gid(fig, "funnel")["funnel"]
    apex = [xy for xy in funnel.get_xy() if xy[1] == 0]
    assert apex[0][0] == pytest.approx(1.1389091, abs=1e-6)  # metafor's pooled logit
    se_max = max(y for _, y in funnel.get_xy())
    widths = sorted(x for x, y in funnel.get_xy() if y == se_max)
    assert widths[-1] - widths[0] == pytest.approx(2 * 1.959964 * se_max, rel=1e-6)
    assert ax.get_xlabel() == "Logit proportion"


def test_funnel_needs_study_variances(pritz):
    for study in pritz["studies"]:
        study.pop("vi")
    with pytest.raises(InputError, match="funnel plot"):
        funnel_plot(pritz)


def test_saved_figures_are_real_png_and_svg(pritz, tmp_path):
    fig = forest_plot(pritz)
    png = save_figure(fig, tmp_path / "forest.png")
    svg = save_figure(fig, tmp_path / "forest.SVG")
    assert png.read_bytes().startswith(PNG_MAGIC)
    root = ET.fromstring(svg.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Giannotta et al." in svg.read_text(encoding="utf-8"), "text kept as text"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forest.SVG", "forest.png"], "no temp files left"
    assert (png.stat().st_mode & 0o777) == 0o644


def test_svg_is_reproducible(pritz):
    assert figure_bytes(forest_plot(pritz), ".svg") == figure_bytes(forest_plot(pritz), ".svg")


def test_unknown_figure_suffix_is_an_input_error_and_writes_nothing(pritz, tmp_path):
    with pytest.raises(InputError, match=r"forest\.pdf: a plot must end in \.svg or \.png"):
        save_figure(forest_plot(pritz), tmp_path / "forest.pdf")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_place_is_an_input_error(pritz, tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        save_figure(forest_plot(pritz), tmp_path / "missing" / "forest.png")


def test_forest_subgroup_heterogeneity_lines_are_metafors(debruin_by_group):
    texts = [t.get_text() for t in forest_plot(debruin_by_group).axes[0].texts]
    # rma(..., subset=group=="caucasian"), REML: I² 77.93 %, tau² 0.1418, Q 20.89 on 5 df
    assert "Heterogeneity: I² = 77.93%, τ² = 0.1418, Q = 20.89 (df = 5), p = 0.0008" in texts
    assert any(t.startswith("Heterogeneity: I² = 90.81%, τ² = 0.4734") for t in texts)


def test_funnel_shows_the_studies_trim_and_fill_imputed(pritz):
    pritz["trimfill"] = {"k0": 2, "side": "left", "filled_yi": [-1.0, -0.8], "filled_vi": [1.0625, 0.25]}
    fig = funnel_plot(pritz)
    filled = _by_gid(fig, "filled")["filled"]
    assert list(filled.get_xdata()) == [-1.0, -0.8]
    assert list(filled.get_ydata()) == pytest.approx([1.030776, 0.5], abs=1e-6)
    assert _by_gid(funnel_plot({**pritz, "trimfill": {"k0": 0, "filled_yi": []}}), "filled") == {}


def test_plots_draw_on_a_given_axes(pritz):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 6))
    forest_ax, funnel_ax = fig.add_axes((0.43, 0.3, 0.28, 0.65)), fig.add_axes((0.1, 0.05, 0.2, 0.15))
    assert forest_plot(pritz, ax=forest_ax) is fig
    assert funnel_plot(pritz, ax=funnel_ax) is fig
    assert len(_squares(fig)) == 14
    assert figure_bytes(fig, ".png").startswith(PNG_MAGIC)
