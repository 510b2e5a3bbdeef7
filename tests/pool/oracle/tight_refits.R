#!/usr/bin/env Rscript
## tight_refits.R -- the figures metafor_oracle.R gives only from metafor's default fit (se, t/z,
## p, prediction interval, weights, s2w and
## the back-transformed estimate, CI and PI), refitted with control=list(tol=1e-12, threshold=1e-12,
## maxiter=10000) for the iterative tau^2 estimators, so that tests can hold them to 1e-8.
## Usage: Rscript tight_refits.R CASE.csv [--level=95] > CASE.tight.json   (one JSON object)
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
level <- 95
for (a in args[-1]) if (startsWith(a, "--level=")) level <- as.numeric(sub("--level=", "", a))
d <- read.csv(args[1])
num <- function(x) if (is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)
vec <- function(x) paste0("[", paste(vapply(x, num, ""), collapse = ","), "]")
out <- c()
for (m in c("PR", "PLO", "PAS", "PFT")) for (meth in c("REML", "ML", "EB", "PM")) for (tst in c("z", "knha")) {
  fit <- try(suppressWarnings(rma(measure = m, xi = d$events, ni = d$total, method = meth, test = tst, level = level,
                 control = list(tol = 1e-12, threshold = 1e-12, maxiter = 10000))), silent = TRUE)
  key <- paste(m, meth, tst, sep = "|")
  if (inherits(fit, "try-error")) { out <- c(out, sprintf('"%s": null', key)); next }
  p <- predict(fit)
  tf <- switch(m, PR = function(x) x, PLO = transf.ilogit, PAS = transf.iarcsin,
               PFT = function(x) transf.ipft.hm(x, targs = list(ni = d$total)))
  back <- tf(c(fit$beta[1], fit$ci.lb, fit$ci.ub, p$pi.lb, p$pi.ub))
  out <- c(out, sprintf('"%s": {"tau2": %s, "estimate": %s, "se": %s, "stat": %s, "pval": %s, "pi_lb": %s, "pi_ub": %s, "s2w": %s, "weights_pct": %s, "back": %s}',
    key, num(fit$tau2), num(fit$beta[1]), num(fit$se), num(fit$zval), num(fit$pval), num(p$pi.lb), num(p$pi.ub),
    num(fit$s2w), vec(weights(fit)), vec(back)))
}
cat("{", paste(out, collapse = ",\n"), "}\n")
