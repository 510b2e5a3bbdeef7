"""The ``evidence`` command line: parse options, call the same-named library function, print.

No computation lives here. Library errors (:class:`evidence.errors.EvidenceError`) become one
line on stderr and exit status 1; usage errors exit with status 2 as Click makes them.
"""

from __future__ import annotations

import os
import sys
from functools import wraps
from pathlib import Path
from typing import Callable

import click

from evidence.errors import EvidenceError

POOL_MEASURES = ("ORR", "CR", "PR", "NR")
TRANSFORMS = ("logit", "raw", "log", "arcsine", "freeman-tukey")
METHODS = ("glmm", "fe", "dl", "reml", "ml", "pm", "he", "sj", "eb")
TESTS = ("z", "knha")


def _one_line_errors(command: Callable) -> Callable:
    """Turn library errors into one line on stderr; never a traceback."""

    @wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except EvidenceError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted; everything committed so far is kept", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            click.echo(f"Error: {exc.filename or 'output'}: {exc.strerror or exc}", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug: still one line, with a way to see the traceback
            if os.environ.get("EVIDENCE_DEBUG"):
                raise
            click.echo(f"Error: internal error ({type(exc).__name__}: {exc}); "
                       "set EVIDENCE_DEBUG=1 for the traceback and please report it", err=True)
            sys.exit(1)

    return run


def pool_options(command: Callable) -> Callable:
    """The options shared by ``pool``, ``check`` and ``report`` (pool-result.md)."""
    options = [
        click.option("--measure", type=click.Choice(POOL_MEASURES, case_sensitive=False), default="ORR",
                     show_default=True, help="Response measure taken from an extraction file."),
        click.option("--transform", type=click.Choice(TRANSFORMS), default="logit", show_default=True,
                     help="Scale on which studies are pooled."),
        click.option("--method", type=click.Choice(METHODS), default="glmm", show_default=True,
                     help="GLMM, fixed effect, or random effects with this tau² estimator."),
        click.option("--test", type=click.Choice(TESTS), default="z", show_default=True,
                     help="Wald (z) or Hartung-Knapp-Sidik-Jonkman (knha) inference."),
        click.option("--level", type=click.FloatRange(min=1, max=99.999), default=95.0, show_default=True,
                     help="Confidence level in percent."),
        click.option("--by", default=None, metavar="COLUMN", help="Subgroup analysis by this column."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _pool_settings(measure: str, transform: str, method: str, test: str, level: float, by: str | None) -> dict:
    return dict(measure=measure.upper(), transform=transform, method=method, test=test,
                level=level, by=by)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="evidence")
def cli() -> None:
    """Fetch PubMed records, extract response figures with their sentences, pool them."""


@cli.command()
@click.option("--query", help="A PubMed query; every matching record is stored.")
@click.option("--pmid", "pmids", multiple=True, help="PMIDs to store (space or comma separated).")
@click.argument("more_pmids", nargs=-1, metavar="[ID ...]")
@click.option("--pmid-file", type=click.Path(dir_okay=False), help="A file of PMIDs, one per line.")
@click.option("--corpus", "corpus_dir", required=True, type=click.Path(), help="The corpus directory.")
@click.option("--refs", is_flag=True, help="Also store the records each one cites.")
@click.option("--cited-by", is_flag=True, help="Also store the records that cite each one.")
@click.option("--similar", is_flag=True, help="Also store PubMed's similar articles.")
@click.option("--max", "max_records", type=click.IntRange(min=1), help="Store at most N records of the query.")
@click.option("--since", metavar="YYYY/MM/DD", help="Only records added to PubMed (Entrez date) on or after this date: a living review's re-run.")
@_one_line_errors
def fetch(query, pmids, more_pmids, pmid_file, corpus_dir, refs, cited_by, similar, max_records, since) -> None:
    """Store PubMed records (by query or PMID, with references or citing studies) in a corpus."""
    from evidence import fetch as run_fetch
    from evidence.fetch import read_pmid_arguments

    ids = read_pmid_arguments(list(pmids) + list(more_pmids), pmid_file)
    if more_pmids and not pmids:
        raise click.UsageError(f"unexpected argument {more_pmids[0]!r}: PMIDs follow --pmid")
    if bool(query) == bool(ids):
        raise click.UsageError("give either --query or --pmid/--pmid-file")
    summary = run_fetch(corpus_dir, query=query, pmids=ids or None, refs=refs, cited_by=cited_by,
                        similar=similar, max_records=max_records, since=since)
    click.echo(str(summary))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--corpus", "corpus_dir", required=True, type=click.Path(), help="The corpus directory.")
@_one_line_errors
def ingest(files, corpus_dir) -> None:
    """Read PubMed XML files (baseline or update, .xml or .xml.gz) into a corpus."""
    from evidence import ingest as run_ingest

    click.echo(str(run_ingest(list(files), corpus_dir)))


@cli.command()
@click.argument("directory", type=click.Path())
@click.option("--pmids", is_flag=True, help="Print the stored PMIDs, one per line, sorted numerically.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_one_line_errors
def corpus(directory, pmids, fmt) -> None:
    """Summarise a corpus: records, with abstract, by year."""
    from evidence import corpus as summarise
    from evidence.corpus import iter_pmids

    if pmids:
        for pmid in iter_pmids(directory):
            click.echo(pmid)
        return
    click.echo(summarise(directory).render(fmt))


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@_one_line_errors
def extract(inputs, out, fmt, jobs) -> None:
    """Extract cohort sizes and response figures from corpora and PubMed XML files."""
    from evidence import extract as run_extract
    from evidence.extract import write_records

    write_records(run_extract(list(inputs), jobs=jobs), out, fmt)


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@pool_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html"]), default="text",
              show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), help="Write a forest plot (.svg or .png).")
@_one_line_errors
def pool(input_path, measure, transform, method, test, level, by, fmt, plot) -> None:
    """Pool response rates across studies (meta-analysis of single proportions)."""
    from evidence import pool as run_pool

    result = run_pool(input_path, **_pool_settings(measure, transform, method, test, level, by))
    if plot:
        result.save_forest(plot)
    click.echo(result.render(fmt))


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--events", type=click.IntRange(min=0), required=True, help="Responders in the new study.")
@click.option("--total", type=click.IntRange(min=1), required=True, help="Patients in the new study.")
@pool_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_one_line_errors
def check(input_path, events, total, measure, transform, method, test, level, by, fmt) -> None:
    """Is a new study's E/N consistent with the pooled evidence, and how does the estimate move?"""
    from evidence import check as run_check

    result = run_check(input_path, events, total,
                       **_pool_settings(measure, transform, method, test, level, by))
    click.echo(result.render(fmt))


@cli.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory for the report and its plots.")
@pool_options
@_one_line_errors
def report(input_path, out_dir, measure, transform, method, test, level, by) -> None:
    """Write a self-contained HTML report, Markdown, forest and funnel plots."""
    from evidence import report as run_report

    written = run_report(input_path, out_dir, **_pool_settings(measure, transform, method, test, level, by))
    for path in written:
        click.echo(str(path))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="evidence")


if __name__ == "__main__":
    main()
