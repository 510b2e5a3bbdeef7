"""The 40 fictional abstracts of the blind held-out set, with their hand-made gold.

Every study, drug code, journal and figure here was invented for this project; none is a
real record. Each outcome names an anchor: a short piece of its evidence sentence that
occurs once in the abstract (see build.py).
"""


def art(pmid, year, journal, title, ptypes, sections, cohort, outcomes=(), groups=(), cohort_alt=None,
        kind="positive", difficulty="medium"):
    return {"pmid": str(pmid), "year": year, "journal": journal, "title": title, "ptypes": ptypes,
            "sections": sections, "cohort": cohort, "cohort_alt": cohort_alt, "groups": list(groups),
            "outcomes": list(outcomes), "kind": kind, "difficulty": difficulty}


def o(measure, events, total, percent, anchor, group=None, alt=(), cfp=False, optional=False):
    return {"measure": measure, "events": events, "total": total, "percent": percent, "anchor": anchor,
            "group": group, "group_alt": list(alt), "count_from_percent": cfp, "optional": optional}


JA = ["Journal Article"]

ARTICLES = [
art(950000001, 1994, "Acta Haematologica Borealis",
    "Danazol in chronic idiopathic thrombocytopenic purpura: experience in 22 adults", JA,
    [(None, "Twenty-two adults with chronic idiopathic thrombocytopenic purpura refractory to corticosteroids "
      "were given danazol 400-800 mg daily for at least two months. Eleven patients (50%) responded, with a "
      "rise of the platelet count above 50 x 10(9)/l; in four of them the count became normal (complete "
      "response). Responses were more frequent in women and in patients over 45 years of age. Side effects "
      "included weight gain in 6 patients and raised transaminases in 3, which led to withdrawal in one case. "
      "Danazol is a reasonable option for steroid-resistant ITP before splenectomy.")],
    22, [o("ORR", 11, 22, 50, "Eleven patients (50%) responded"),
         o("CR", 4, 22, None, "in four of them the count became normal")], difficulty="easy"),

art(950000002, 2012, "Haematology in Practice",
    "Rituximab in relapsed warm autoimmune haemolytic anaemia: a multicentre retrospective study", JA + ["Multicenter Study"],
    [("BACKGROUND", "Warm autoimmune haemolytic anaemia (wAIHA) relapsing after corticosteroids remains a "
      "therapeutic problem, and data on rituximab outside trials are scarce."),
     ("METHODS", "We retrospectively reviewed all adults with wAIHA who received rituximab 375 mg/m² weekly for "
      "four doses at five hospitals between 2004 and 2010. Response was assessed at 3 months: complete response "
      "(CR) was a haemoglobin ≥12 g/dL without haemolysis, partial response (PR) a rise of at least 2 g/dL or a "
      "haemoglobin ≥10 g/dL."),
     ("RESULTS", "Thirty-eight patients were included (median age 61 years; 21 women). At 3 months, 18 patients "
      "(47.4%) were in CR and 12 (31.6%) in PR, giving an overall response of 78.9%; eight patients (21.1%) did "
      "not respond. After a median follow-up of 28 months, 9 of the 30 responders relapsed, at a median of 14 "
      "months. Infusion reactions occurred in 5 patients."),
     ("CONCLUSIONS", "Rituximab achieves a response in most adults with relapsed wAIHA, but relapses are frequent.")],
    38, [o("CR", 18, 38, 47.4, "18 patients (47.4%) were in CR"),
         o("PR", 12, 38, 31.6, "12 (31.6%) in PR"),
         o("ORR", 30, 38, 78.9, "overall response of 78.9%", cfp=True),
         o("NR", 8, 38, 21.1, "eight patients (21.1%) did not respond")], difficulty="easy"),

art(950000003, 2020, "Pediatric Immunohaematology Reports",
    "Sirolimus for multiply relapsed Evans syndrome in children: a report of four cases", JA + ["Case Reports"],
    [(None, "Evans syndrome in childhood often follows a chronic relapsing course, and second-line options are "
      "poorly defined. We describe four children (aged 4 to 15 years) with Evans syndrome who had relapsed after "
      "corticosteroids, intravenous immunoglobulin and rituximab, and who were started on sirolimus at a target "
      "trough of 5-15 ng/mL. Three of the four patients achieved CR within 3 months, and the remaining child "
      "reached a PR at month 5. Two children had an underlying autoimmune lymphoproliferative syndrome-like "
      "phenotype. Mucositis was the only adverse event and was managed by dose reduction. Sirolimus deserves "
      "prospective evaluation in paediatric Evans syndrome.")],
    4, [o("CR", 3, 4, None, "Three of the four patients achieved CR"),
        o("PR", 1, 4, None, "the remaining child reached a PR")], difficulty="medium"),

art(950000004, 2021, "Journal of Apheresis and Thrombosis",
    "Front-line rituximab in immune thrombotic thrombocytopenic purpura: outcomes from a regional registry", JA + ["Observational Study"],
    [("OBJECTIVE", "To describe outcomes of immune thrombotic thrombocytopenic purpura (iTTP) treated with "
      "therapeutic plasma exchange (TPE), corticosteroids and front-line rituximab in a regional registry."),
     ("METHODS", "Consecutive adults with a first acute episode of iTTP (ADAMTS13 activity <10%) from 2012 to "
      "2019 were included. Clinical response was defined as platelet count ≥150 × 10<sup>9</sup>/L and LDH <1.5 "
      "times the upper limit of normal for 2 days after stopping TPE."),
     ("RESULTS", "Forty-five patients were analysed; median age 42 years. Clinical response was obtained in 41 "
      "patients (91.1%) after a median of 9 TPE sessions, and 4 patients died before response. Exacerbation "
      "occurred in 7 patients (15.6%). Complete remission, maintained 30 days after stopping TPE, was documented "
      "in 36 patients (80.0%). At a median follow-up of 33 months, 5 patients had a clinical relapse."),
     ("CONCLUSION", "Adding rituximab at diagnosis was associated with a high remission rate and few relapses.")],
    45, [o("ORR", 41, 45, 91.1, "Clinical response was obtained in 41"),
         o("CR", 36, 45, 80.0, "in 36 patients (80.0%)")], difficulty="medium"),

art(950000005, 2024, "The Lancet Haematology Fictional",
    "Eltrombopag added to immunosuppressive therapy in severe aplastic anaemia (ELISA): an open-label, randomised, phase 3 trial",
    JA + ["Randomized Controlled Trial", "Clinical Trial, Phase III", "Multicenter Study"],
    [("BACKGROUND", "Whether a thrombopoietin receptor agonist improves the results of immunosuppressive therapy "
      "in severe aplastic anaemia outside high-income settings is unknown."),
     ("METHODS", "In this open-label, randomised, phase 3 trial done at 14 centres, patients aged 15 years or "
      "older with untreated severe aplastic anaemia were randomly assigned (1:1) to horse antithymocyte globulin "
      "plus ciclosporin with (eltrombopag group) or without (control group) eltrombopag 150 mg daily from day 14 "
      "to 6 months. The primary endpoint was complete response at 3 months."),
     ("FINDINGS", "Between March 2017 and June 2021, 92 patients were randomly assigned, 46 to each group. A "
      "complete response at 3 months was reached by 10 (21·7%) of 46 patients in the eltrombopag group and by 4 "
      "(8·7%) of 46 in the control group (odds ratio 2·92, 95% CI 0·84–10·1). The overall response at 6 months "
      "was 78·3% with eltrombopag and 60·9% without it. Serious adverse events were reported in 19 (41%) and 17 "
      "(37%) patients, and two clonal evolutions occurred in each group."),
     ("INTERPRETATION", "Eltrombopag added to standard immunosuppression increased the rate and speed of response."),
     ("FUNDING", "National Haematology Research Fund.")],
    92, [o("CR", 10, 46, 21.7, "reached by 10 (21·7%)", "eltrombopag group", ["eltrombopag"]),
         o("CR", 4, 46, 8.7, "(8·7%) of 46 in the control group", "control group", ["control", "without eltrombopag"]),
         o("ORR", 36, 46, 78.3, "was 78·3% with eltrombopag", "eltrombopag group", ["eltrombopag"], cfp=True),
         o("ORR", 28, 46, 60.9, "60·9% without it", "control group", ["control", "without eltrombopag", "without it"], cfp=True)],
    groups=[("eltrombopag group", 46), ("control group", 46)], difficulty="hard"),

art(950000006, 2022, "Pediatric Histiocytosis and Immunity",
    "First-line ruxolitinib in children with secondary haemophagocytic lymphohistiocytosis", JA + ["Clinical Trial"],
    [("BACKGROUND", "Etoposide-based regimens remain standard for haemophagocytic lymphohistiocytosis (HLH) in "
      "children but carry considerable toxicity."),
     ("METHODS", "In this single-centre, single-arm study, children under 18 years with newly diagnosed secondary "
      "HLH received ruxolitinib with or without dexamethasone. Responses at day 28 were graded as complete response "
      "(CR), partial response (PR) or no response by predefined laboratory criteria."),
     ("RESULTS", "Twenty-eight children were enrolled (median age 5.5 years). At day 28, the overall response rate "
      "was 85.7% (24/28), with CR in 15 children (53.6%) and PR in 9 (32.1%). Four children with no response were "
      "switched to an etoposide-containing regimen. The estimated 2-year overall survival was 78.6% (95% CI "
      "58.4–89.8)."),
     ("CONCLUSIONS", "First-line ruxolitinib is active in paediatric secondary HLH and may spare many children "
      "from etoposide.")],
    28, [o("ORR", 24, 28, 85.7, "85.7% (24/28)"),
         o("CR", 15, 28, 53.6, "CR in 15 children (53.6%)"),
         o("PR", 9, 28, 32.1, "PR in 9 (32.1%)"),
         o("NR", 4, 28, None, "Four children with no response")], difficulty="easy"),

art(950000007, 2008, "Geriatric Oncology Letters",
    "Attenuated R-CHOP in patients older than 80 years with diffuse large B-cell lymphoma: a phase II study",
    JA + ["Clinical Trial, Phase II", "Multicenter Study"],
    [(None, "Elderly patients with diffuse large B-cell lymphoma (DLBCL) frequently cannot receive full-dose "
      "chemotherapy. We evaluated an attenuated regimen of rituximab with reduced-dose cyclophosphamide, "
      "doxorubicin, vincristine and prednisone (R-miniCHOP) in patients older than 80 years. Of 72 patients "
      "enrolled in this multicentre phase II study, 68 were evaluable for response. The ORR was 74% and the "
      "complete response rate 44%. With a median follow-up of 20 months, the 2-year overall survival was 59%. "
      "Grade 3-4 neutropenia occurred in 40% of patients. R-miniCHOP offers a reasonable balance of efficacy and "
      "toxicity in very elderly patients.")],
    72, [o("ORR", None, None, 74, "The ORR was 74%"),
         o("CR", None, None, 44, "complete response rate 44%")], cohort_alt=[68], difficulty="hard"),

art(950000008, 2015, "Investigational Myeloma Therapeutics",
    "Phase I dose-escalation study of the oral XPO1 inhibitor zelvoxinib with dexamethasone in relapsed/refractory multiple myeloma",
    JA + ["Clinical Trial, Phase I"],
    [("PURPOSE", "To determine the maximum tolerated dose (MTD) of the oral XPO1 inhibitor zelvoxinib combined "
      "with weekly dexamethasone in relapsed/refractory multiple myeloma."),
     ("PATIENTS AND METHODS", "Patients with at least three prior lines of therapy were enrolled in a 3+3 "
      "dose-escalation design at 10, 20, 30 and 40 mg twice weekly."),
     ("RESULTS", "Eighteen patients were treated: 3 at 10 mg, 3 at 20 mg, 6 at 30 mg and 6 at 40 mg. Two "
      "dose-limiting toxicities (grade 4 thrombocytopenia and grade 3 hyponatraemia) occurred at 40 mg, and 30 mg "
      "was declared the MTD. Partial response or better was achieved in 0/3, 1/3, 3/6 and 4/6 patients at the four "
      "dose levels, for an overall response rate of 44.4%. Two patients, both at 40 mg, achieved a complete "
      "response and three a very good partial response."),
     ("CONCLUSIONS", "Zelvoxinib with dexamethasone is tolerable at 30 mg twice weekly and shows activity in "
      "heavily pretreated myeloma.")],
    18, [o("ORR", 8, 18, 44.4, "overall response rate of 44.4%", cfp=True),
         o("ORR", 0, 3, None, "achieved in 0/3, 1/3", "10 mg", ["dose level 1", "10 mg twice weekly"]),
         o("ORR", 1, 3, None, "achieved in 0/3, 1/3", "20 mg", ["dose level 2", "20 mg twice weekly"]),
         o("ORR", 3, 6, None, "achieved in 0/3, 1/3", "30 mg", ["dose level 3", "30 mg twice weekly", "MTD"]),
         o("ORR", 4, 6, None, "achieved in 0/3, 1/3", "40 mg", ["dose level 4", "40 mg twice weekly"]),
         o("CR", 2, 18, None, "Two patients, both at 40 mg"),
         o("CR", 2, 6, None, "Two patients, both at 40 mg", "40 mg", ["dose level 4"], optional=True)],
    groups=[("10 mg", 3), ("20 mg", 3), ("30 mg", 6), ("40 mg", 6)], difficulty="hard"),

art(950000009, 2019, "Leukaemia and Lymphoma Practice",
    "Single-agent ibrutinib in chronic lymphocytic leukaemia outside clinical trials: a multicentre cohort", JA + ["Observational Study"],
    [("BACKGROUND", "Trial results with ibrutinib in chronic lymphocytic leukaemia (CLL) may not reflect routine "
      "practice."),
     ("METHODS", "Multicentre retrospective cohort of patients with CLL starting single-agent ibrutinib outside "
      "clinical trials between 2014 and 2017 in 11 centres. Response was assessed according to iwCLL 2008 criteria."),
     ("RESULTS", "A total of 125 patients were identified, of whom 38 (30.4%) were treatment-naive and 87 (69.6%) "
      "relapsed or refractory. The overall response rate was 88% and the complete response rate 12%. Atrial "
      "fibrillation developed in 9 patients (7.2%) and major bleeding in 4 (3.2%). Ibrutinib was discontinued in "
      "29 patients, mainly for toxicity. The 2-year progression-free survival was 84.1%."),
     ("CONCLUSIONS", "In routine practice, ibrutinib produced response rates similar to the registration trials, "
      "with a higher discontinuation rate.")],
    125, [o("ORR", 110, 125, 88, "overall response rate was 88%", cfp=True),
          o("CR", 15, 125, 12, "complete response rate 12%", cfp=True)],
    groups=[("treatment-naive", 38), ("relapsed or refractory", 87)], difficulty="medium"),

art(950000010, 2021, "Myeloid Neoplasia Research",
    "Venetoclax with azacitidine in patients aged 70 years or older with acute myeloid leukaemia: a phase II study",
    JA + ["Clinical Trial, Phase II"],
    [("BACKGROUND", "Older adults with acute myeloid leukaemia (AML) unfit for intensive chemotherapy have limited "
      "options."),
     ("METHODS", "Single-arm phase II study of venetoclax 400 mg daily with azacitidine 75 mg/m² on days 1-7 in "
      "patients aged 70 years or older with newly diagnosed AML. Responses followed ELN 2017 criteria."),
     ("RESULTS", "Forty patients were treated (median age 76 years). Complete remission (CR) was achieved in 18 "
      "patients (45%) and CR with incomplete haematological recovery (CRi) in 9 (22.5%), for a composite CR rate of "
      "67.5%. Two additional patients had a morphologic leukaemia-free state, so that the overall response rate "
      "(CR + CRi + MLFS) was 72.5% (29/40). Thirty-day mortality was 7.5%. Median overall survival was 14.2 months."),
     ("CONCLUSIONS", "Venetoclax with azacitidine is effective in elderly unfit AML patients.")],
    40, [o("CR", 18, 40, 45, "achieved in 18 patients (45%)"),
         o("ORR", 29, 40, 72.5, "72.5% (29/40)")], difficulty="medium"),

art(950000011, 2011, "Clinical Myelodysplasia",
    "Five-day decitabine in higher-risk myelodysplastic syndromes: a single institution experience", JA,
    [(None, "The aim of this study was to evaluate the efficacy of a 5-day decitabine schedule in patients with "
      "myelodysplastic syndromes (MDS) of intermediate-2 or high risk according to IPSS. Fifty patients were "
      "treated in our institution from 2007 to 2010, median number of cycles was 6 (range 1-19). According to IWG "
      "2006 criteria, the overall response (CR, PR, marrow CR and hematologic improvement) was obtained in 21 "
      "patients (42%). Complete remission was reached by 8 patients (16%), marrow CR by 6 and hematologic "
      "improvement alone by 7. Median overall survival was 19 months in responders versus 11 months in "
      "non-responders (p=0.01). Decitabine in a 5-day schedule seems effective and well tolerated in high-risk MDS.")],
    50, [o("ORR", 21, 50, 42, "obtained in 21 patients (42%)"),
         o("CR", 8, 50, 16, "reached by 8 patients (16%)")], difficulty="medium"),

art(950000012, 2017, "Pediatric Leukemia Journal",
    "Blinatumomab for children with multiply relapsed or refractory B-cell precursor acute lymphoblastic leukemia: a compassionate-use experience",
    JA + ["Multicenter Study"],
    [("BACKGROUND", "Children with second or later relapse of B-cell precursor acute lymphoblastic leukemia "
      "(BCP-ALL) have a poor prognosis."),
     ("PROCEDURE", "We report a compassionate-use program of blinatumomab in 39 children (median age 9 years, range "
      "1-17) with relapsed or refractory BCP-ALL treated in 9 centers."),
     ("RESULTS", "Within the first two cycles, 22 of 39 children (56.4%) attained complete remission, and minimal "
      "residual disease was undetectable in 15 of them. Cytokine release syndrome occurred in 6 children (grade 3 "
      "in one) and neurotoxicity in 4. Seventeen responders proceeded to allogeneic transplantation."),
     ("CONCLUSIONS", "Blinatumomab induced remissions in more than half of these heavily pretreated children and "
      "served as a bridge to transplant.")],
    39, [o("CR", 22, 39, 56.4, "22 of 39 children (56.4%)")], difficulty="easy"),

art(950000013, 2020, "Transplant Haematology",
    "Ruxolitinib for steroid-refractory acute graft-versus-host disease: a two-centre retrospective analysis", JA,
    [("BACKGROUND", "Steroid-refractory acute graft-versus-host disease (SR-aGVHD) after allogeneic haematopoietic "
      "cell transplantation carries a high mortality."),
     ("METHODS", "We retrospectively analysed adults treated with ruxolitinib for grade II-IV SR-aGVHD at two "
      "transplant centres between 2016 and 2019. Response was assessed at day 28 according to standard criteria."),
     ("RESULTS", "Forty-eight patients were included; 31 (64.6%) had grade III-IV disease and 22 (45.8%) had lower "
      "gastrointestinal involvement. At day 28, the overall response rate was 62.5% (30/48), with complete response "
      "in 14 patients (29.2%) and partial response in 16 (33.3%); 18 patients (37.5%) did not respond. "
      "Cytomegalovirus reactivation was seen in 21 patients. Non-relapse mortality at 6 months was 27.1%."),
     ("CONCLUSION", "Ruxolitinib is an effective salvage therapy for SR-aGVHD in routine practice.")],
    48, [o("ORR", 30, 48, 62.5, "62.5% (30/48)"),
         o("CR", 14, 48, 29.2, "complete response in 14 patients"),
         o("PR", 16, 48, 33.3, "partial response in 16 (33.3%)"),
         o("NR", 18, 48, 37.5, "18 patients (37.5%) did not respond")], difficulty="easy"),

art(950000014, 2022, "Chronic GVHD Research",
    "The ROCK2 inhibitor talrosudil in chronic graft-versus-host disease after two or more lines of therapy: a phase II trial",
    JA + ["Clinical Trial, Phase II"],
    [("BACKGROUND", "Chronic graft-versus-host disease (cGVHD) refractory to two or more lines of therapy lacks "
      "effective treatments."),
     ("METHODS", "Phase II, open-label, single-arm trial of the ROCK2 inhibitor talrosudil 200 mg once daily in "
      "adults with active cGVHD after 2 to 5 prior lines. Responses followed 2014 NIH consensus criteria."),
     ("RESULTS", "Sixty-six patients were enrolled; 47 (71%) had four or more organs involved. The best overall "
      "response rate was 74% (49/66), and complete responses were observed in four patients. Responses were seen "
      "across all affected organs, including the lungs in 9 of 29 patients (31%). The 12-month failure-free "
      "survival was 56%. The most common adverse events were fatigue (38%) and diarrhoea (26%)."),
     ("CONCLUSIONS", "Talrosudil produced durable responses in heavily pretreated cGVHD.")],
    66, [o("ORR", 49, 66, 74, "74% (49/66)"),
         o("CR", 4, 66, None, "complete responses were observed in four patients"),
         o("ORR", 9, 29, 31, "lungs in 9 of 29 patients", "lungs", ["lung"], optional=True)],
    groups=[("lungs", 29)], difficulty="medium"),

art(950000015, 2020, "Thoracic Oncology Reports",
    "Corametinib in non-small-cell lung cancer with MET exon 14 skipping: a multicentre phase II trial",
    JA + ["Clinical Trial, Phase II", "Multicenter Study"],
    [("BACKGROUND", "MET exon 14 skipping mutations occur in 3% of non-small-cell lung cancers (NSCLC)."),
     ("METHODS", "In this multicentre single-arm phase II trial, patients with advanced NSCLC harbouring MET exon 14 "
      "skipping received the MET inhibitor corametinib 400 mg twice daily. The primary endpoint was objective "
      "response rate by independent review according to RECIST version 1.1."),
     ("RESULTS", "Fifty-seven patients were enrolled and 54 had measurable disease at baseline. The objective "
      "response rate was 35.2% (19/54), with one complete response and 18 partial responses; the disease control "
      "rate was 79.6%. Among 9 patients with measurable brain metastases, intracranial responses occurred in 5. "
      "Median duration of response was 9.7 months. Peripheral oedema (52%) and nausea (33%) were the most common "
      "toxicities."),
     ("CONCLUSIONS", "Corametinib showed meaningful activity in MET exon 14-altered NSCLC, including intracranial "
      "disease.")],
    57, [o("ORR", 19, 54, 35.2, "35.2% (19/54)"),
         o("CR", 1, 54, None, "one complete response and 18"),
         o("PR", 18, 54, None, "one complete response and 18"),
         o("ORR", 5, 9, None, "intracranial responses occurred in 5", "measurable brain metastases",
           ["brain metastases", "intracranial"])],
    cohort_alt=[54], groups=[("measurable brain metastases", 9)], difficulty="hard"),

art(950000016, 2019, "Nephrology and Lupus",
    "Obexizumab added to mycophenolate for active lupus nephritis: a randomised, placebo-controlled trial",
    JA + ["Randomized Controlled Trial", "Multicenter Study"],
    [("BACKGROUND", "Many patients with active lupus nephritis do not achieve a complete renal response with "
      "standard induction therapy."),
     ("METHODS", "Multicentre, double-blind, randomised, placebo-controlled trial. Adults with biopsy-proven class "
      "III or IV (± V) lupus nephritis received mycophenolate mofetil and glucocorticoids plus either the anti-CD20 "
      "antibody obexizumab or placebo. The primary end point was complete renal response at week 52."),
     ("RESULTS", "A total of 118 patients were randomised (60 obexizumab, 58 placebo). Complete renal response at "
      "week 52 was achieved by 19 of 60 patients (31.7%) receiving obexizumab and 11 of 58 (19.0%) receiving "
      "placebo (difference 12.7 percentage points; P = 0.11). Overall renal response (complete or partial) was "
      "63.3% versus 46.6%. Serious infections occurred in 10 and 8 patients, respectively."),
     ("CONCLUSIONS", "Obexizumab did not significantly increase complete renal response at 52 weeks, although "
      "overall renal responses favoured the antibody.")],
    118, [o("CR", 19, 60, 31.7, "19 of 60 patients (31.7%)", "obexizumab", ["obexizumab group"]),
          o("CR", 11, 58, 19.0, "11 of 58 (19.0%)", "placebo", ["placebo group"]),
          o("ORR", 38, 60, 63.3, "63.3% versus 46.6%", "obexizumab", ["obexizumab group"], cfp=True),
          o("ORR", 27, 58, 46.6, "63.3% versus 46.6%", "placebo", ["placebo group"], cfp=True)],
    groups=[("obexizumab", 60), ("placebo", 58)], difficulty="hard"),

art(950000017, 2016, "Central European Rheumatology",
    "Rituximab for remission induction in ANCA-associated vasculitis: real-life data from three university clinics", JA,
    [("INTRODUCTION", "Rituximab is approved for induction of remission in ANCA-associated vasculitis (AAV) but "
      "real-life data from our region are lacking."),
     ("METHODS", "We have analysed retrospectively all patients with granulomatosis with polyangiitis or microscopic "
      "polyangiitis which received rituximab for induction in three university clinics during 2010-2015. Complete "
      "remission was defined as Birmingham Vasculitis Activity Score (BVAS) of 0 and partial remission as reduction "
      "of BVAS by at least 50%."),
     ("RESULTS", "There were 47 patients, 30 with granulomatosis with polyangiitis and 17 with microscopic "
      "polyangiitis. At month 6, complete remission was obtained in 33 patients (70.2%) and partial remission in 8 "
      "patients (17.0%). Six patients were refractory and needed cyclophosphamide. Severe infections were noted in "
      "7 cases and two patients died."),
     ("CONCLUSION", "Rituximab was effective for remission induction in our patients with AAV, with acceptable "
      "safety profile.")],
    47, [o("CR", 33, 47, 70.2, "obtained in 33 patients (70.2%)"),
         o("PR", 8, 47, 17.0, "partial remission in 8 patients"),
         o("NR", 6, 47, None, "Six patients were refractory")],
    groups=[("granulomatosis with polyangiitis", 30), ("microscopic polyangiitis", 17)], difficulty="medium"),

art(950000018, 2014, "Hepatology Practice International",
    "Mycophenolate mofetil as second-line therapy in autoimmune hepatitis: a retrospective single-centre study", JA,
    [("BACKGROUND AND AIMS", "Mycophenolate mofetil (MMF) is used as second-line treatment in autoimmune hepatitis "
      "(AIH), but its efficacy is not well established."),
     ("METHODS", "In this retrospective study we included the patients with AIH who received MMF because of "
      "intolerance or insufficient response to azathioprine in our centre in 2005-2012. Complete biochemical "
      "response was defined as normalisation of transaminases and IgG."),
     ("RESULTS", "Thirty-five patients were included, 29 women, mean age 47 ± 14 years. Twenty-two patients were "
      "switched for intolerance and 13 for insufficient response. Complete biochemical response was obtained in 21 "
      "of 35 patients (60%), incomplete response in 9 (25.7%) and 5 patients (14.3%) were non-responders. Complete "
      "response was more frequent in the intolerance group (17 of 22, 77.3%) than in the insufficient responders "
      "(4 of 13, 30.8%)."),
     ("CONCLUSIONS", "MMF is an effective second-line option in AIH, especially in patients intolerant to "
      "azathioprine.")],
    35, [o("CR", 21, 35, 60, "21 of 35 patients (60%)"),
         o("PR", 9, 35, 25.7, "incomplete response in 9 (25.7%)", optional=True),
         o("NR", 5, 35, 14.3, "5 patients (14.3%) were non-responders"),
         o("CR", 17, 22, 77.3, "(17 of 22, 77.3%)", "intolerance", ["intolerance group", "intolerant to azathioprine"]),
         o("CR", 4, 13, 30.8, "(4 of 13, 30.8%)", "insufficient response", ["insufficient responders"])],
    groups=[("intolerance", 22), ("insufficient response", 13)], difficulty="hard"),

art(950000019, 2013, "Paediatric Nephrology Reports",
    "Tacrolimus in children with steroid-resistant nephrotic syndrome: a retrospective review", JA,
    [("BACKGROUND", "Calcineurin inhibitors are the first choice in children with steroid-resistant nephrotic "
      "syndrome (SRNS)."),
     ("METHODS", "Children aged 1-16 years with SRNS treated with tacrolimus (target trough 5-8 ng/mL) and low-dose "
      "prednisolone for at least 6 months between 2006 and 2011 were reviewed."),
     ("RESULTS", "Forty-two children were studied; 26 had focal segmental glomerulosclerosis and 16 minimal change "
      "disease on biopsy. At 6 months, complete remission was seen in 24 children (57.1%), partial remission in 10 "
      "(23.8%) and no remission in 8 (19.0%). Complete or partial remission occurred in 14 of 16 children with "
      "minimal change disease and in 20 of 26 with focal segmental glomerulosclerosis. Nephrotoxicity led to dose "
      "reduction in 5 children."),
     ("CONCLUSIONS", "Tacrolimus induced remission in four of five children with SRNS.")],
    42, [o("CR", 24, 42, 57.1, "seen in 24 children (57.1%)"),
         o("PR", 10, 42, 23.8, "partial remission in 10"),
         o("NR", 8, 42, 19.0, "no remission in 8 (19.0%)"),
         o("ORR", 14, 16, None, "14 of 16 children", "minimal change disease", ["MCD"]),
         o("ORR", 20, 26, None, "20 of 26 with focal", "focal segmental glomerulosclerosis", ["FSGS"])],
    groups=[("focal segmental glomerulosclerosis", 26), ("minimal change disease", 16)], difficulty="medium"),

art(950000020, 2018, "Lymphoma Therapeutics",
    "Brentuximab vedotin plus nivolumab in older patients with untreated classical Hodgkin lymphoma unfit for chemotherapy",
    JA + ["Clinical Trial, Phase II"],
    [("BACKGROUND", "Older patients with classical Hodgkin lymphoma (cHL) tolerate standard chemotherapy poorly."),
     ("METHODS", "In this phase II study, patients aged 60 years or older with untreated cHL who were unfit for "
      "chemotherapy received brentuximab vedotin plus nivolumab every 3 weeks for up to 16 cycles. Responses were "
      "assessed by PET-CT using the Lugano classification."),
     ("RESULTS", "Thirty-three patients were treated (median age 74 years). The ORR was 85% and the CR rate 61%. At "
      "a median follow-up of 21 months, median progression-free survival was 18.3 months. Grade ≥3 peripheral "
      "neuropathy occurred in 4 patients (12%)."),
     ("CONCLUSIONS", "This chemotherapy-free combination is active in older unfit patients with cHL.")],
    33, [o("ORR", 28, 33, 85, "The ORR was 85%", cfp=True),
         o("CR", 20, 33, 61, "the CR rate 61%", cfp=True)], difficulty="medium"),

art(950000021, 1998, "Journal of Clinical Lymphoma Studies",
    "Chimeric anti-CD20 antibody therapy for relapsed low-grade lymphoma", JA + ["Clinical Trial"],
    [(None, "Rituximab, a chimeric anti-CD20 monoclonal antibody, was given as four weekly infusions of 375 mg/m² "
      "to patients with relapsed low-grade or follicular non-Hodgkin's lymphoma. Forty patients were entered, and "
      "37 were evaluable for response. Eighteen of the 37 evaluable patients responded (49%), with 3 complete and "
      "15 partial responses. The median time to progression in responders was 11.2 months. Infusion-related fever "
      "and chills were frequent with the first infusion but rarely recurred. Rituximab has useful single-agent "
      "activity in relapsed indolent lymphoma.")],
    40, [o("ORR", 18, 37, 49, "Eighteen of the 37 evaluable patients"),
         o("CR", 3, 37, None, "with 3 complete and"),
         o("PR", 15, 37, None, "15 partial responses")], cohort_alt=[37], difficulty="medium"),

art(950000022, 2010, "Macroglobulinaemia Review Letters",
    "Weekly bortezomib, dexamethasone and rituximab in relapsed Waldenström macroglobulinaemia", JA + ["Clinical Trial, Phase II"],
    [(None, "Bortezomib-based regimens are active in Waldenström macroglobulinaemia (WM). We treated 25 patients "
      "with relapsed WM with weekly bortezomib, dexamethasone and rituximab in a phase II study. The overall "
      "response rate (minor response or better) was 80% (20/25) and the major response rate was 60% (15/25); no "
      "complete response was observed. Peripheral neuropathy of grade 2 or higher developed in 5 patients, "
      "prompting dose reduction. The weekly schedule appears better tolerated than the twice-weekly schedule "
      "reported previously.")],
    25, [o("ORR", 20, 25, 80, "80% (20/25)"),
         o("CR", 0, 25, None, "no complete response was observed")], difficulty="medium"),

art(950000023, 2023, "Journal of B-cell Malignancies",
    "Pexabrutinib, a non-covalent BTK inhibitor, in relapsed or refractory mantle cell lymphoma with or without prior covalent BTK inhibitor",
    JA + ["Clinical Trial, Phase I", "Clinical Trial, Phase II"],
    [("BACKGROUND", "Patients with mantle cell lymphoma (MCL) progressing after a covalent Bruton tyrosine kinase "
      "inhibitor (BTKi) have a dismal outcome."),
     ("METHODS", "In this phase I/II study, the non-covalent BTK inhibitor pexabrutinib was given at 200 mg daily to "
      "patients with relapsed or refractory MCL, enrolled in two cohorts according to prior covalent BTKi exposure. "
      "Responses were assessed by the Lugano criteria."),
     ("RESULTS", "Forty-two patients were treated: 19 had received a prior BTKi and 23 were BTKi-naive. The ORR was "
      "47.4% (9/19) in the BTKi-pretreated cohort and 78.3% (18/23) in the BTKi-naive cohort, with complete "
      "responses in 2 and 7 patients, respectively. Across the study the ORR was 64.3%. Grade ≥3 neutropenia "
      "occurred in 7 patients (16.7%)."),
     ("CONCLUSIONS", "Pexabrutinib is active in MCL, including after covalent BTKi failure.")],
    42, [o("ORR", 9, 19, 47.4, "47.4% (9/19)", "BTKi-pretreated", ["prior BTKi", "received a prior BTKi"]),
         o("ORR", 18, 23, 78.3, "78.3% (18/23)", "BTKi-naive", ["BTKi naive"]),
         o("CR", 2, 19, None, "responses in 2 and 7", "BTKi-pretreated", ["prior BTKi", "received a prior BTKi"]),
         o("CR", 7, 23, None, "responses in 2 and 7", "BTKi-naive", ["BTKi naive"]),
         o("ORR", 27, 42, 64.3, "Across the study the ORR", cfp=True)],
    groups=[("BTKi-pretreated", 19), ("BTKi-naive", 23)], difficulty="hard"),

art(950000024, 2023, "Archives of Paediatric Haematology",
    "Eltrombopag versus standard first-line therapy in children with newly diagnosed immune thrombocytopenia: a randomised trial",
    JA + ["Randomized Controlled Trial", "Multicenter Study"],
    [("BACKGROUND", "Children with newly diagnosed immune thrombocytopenia (ITP) and bleeding symptoms are usually "
      "treated with corticosteroids or intravenous immunoglobulin (IVIG)."),
     ("METHODS", "Multicentre, open-label, randomised trial in 12 paediatric centres. Children aged 1-17 years with "
      "newly diagnosed ITP and a platelet count below 30 × 10<sup>9</sup>/L were assigned to eltrombopag or "
      "standard first-line therapy. The primary outcome was platelet response (platelet count ≥50 × "
      "10<sup>9</sup>/L) in at least 2 of 4 assessments between weeks 6 and 12, without rescue therapy."),
     ("RESULTS", "Ninety children were randomised, 46 to eltrombopag and 44 to standard therapy. The primary outcome "
      "was met by 29 of 46 children (63.0%) in the eltrombopag arm and 16 of 44 (36.4%) in the standard arm "
      "(<i>P</i> = .01). Bleeding of grade 2 or higher occurred less often with eltrombopag. Transient elevation of "
      "alanine aminotransferase was seen in 5 children."),
     ("CONCLUSIONS", "Eltrombopag as first-line treatment led to more sustained platelet responses than standard "
      "therapy in children with newly diagnosed ITP.")],
    90, [o("ORR", 29, 46, 63.0, "29 of 46 children (63.0%)", "eltrombopag", ["eltrombopag arm"]),
         o("ORR", 16, 44, 36.4, "16 of 44 (36.4%)", "standard therapy",
           ["standard arm", "standard first-line therapy", "standard"])],
    groups=[("eltrombopag", 46), ("standard therapy", 44)], difficulty="hard"),

art(950000025, 2016, "Case Reports in Immunohaematology",
    "Bortezomib for cold agglutinin disease after rituximab failure: six cases", JA + ["Case Reports"],
    [(None, "Cold agglutinin disease (CAD) is a rare autoimmune haemolytic anaemia mediated by IgM autoantibodies "
      "produced by a clonal B-cell population. We report six patients with CAD refractory to rituximab who were "
      "treated with single-agent bortezomib (1.3 mg/m² on days 1, 4, 8 and 11, one to three cycles). Two patients "
      "achieved a complete response and three a partial response, while one patient did not respond. Five of the "
      "six patients thus responded, with a median increase in haemoglobin of 3.1 g/dL. No patient developed "
      "neuropathy of grade 3. Bortezomib may be an option for CAD after rituximab failure.")],
    6, [o("CR", 2, 6, None, "Two patients achieved a complete response"),
        o("PR", 3, 6, None, "three a partial response"),
        o("NR", 1, 6, None, "one patient did not respond"),
        o("ORR", 5, 6, None, "Five of the six patients thus responded")], difficulty="medium"),

art(950000026, 2025, "The Lancet Oncology Fictional",
    "Felzatamab plus lenalidomide and dexamethasone versus lenalidomide and dexamethasone in transplant-ineligible newly diagnosed multiple myeloma (FELIX): a randomised, open-label, phase 3 trial",
    JA + ["Randomized Controlled Trial", "Clinical Trial, Phase III", "Multicenter Study"],
    [("BACKGROUND", "Quadruplet induction has become standard for transplant-eligible myeloma, but whether adding an "
      "anti-CD38 antibody benefits transplant-ineligible patients treated with a doublet is less clear."),
     ("METHODS", "In this randomised, open-label, phase 3 trial at 61 sites in nine countries, adults with newly "
      "diagnosed multiple myeloma who were ineligible for transplantation were assigned (1:1) to felzatamab plus "
      "lenalidomide and dexamethasone (FRd group) or lenalidomide and dexamethasone alone (Rd group). The primary "
      "endpoint was progression-free survival."),
     ("FINDINGS", "Between Jan 10, 2019, and Nov 30, 2021, 418 patients were randomly assigned (210 to FRd, 208 to "
      "Rd). After a median follow-up of 38·2 months, median progression-free survival was not reached with FRd and "
      "was 33·6 months with Rd (hazard ratio 0·58, 95% CI 0·44–0·76). An overall response was recorded in 194 "
      "(92·4%) of 210 patients in the FRd group and 175 (84·1%) of 208 in the Rd group; complete response or better "
      "was reached by 38·1% and 22·1%, respectively. Grade 3–4 neutropenia occurred in 52% and 35% of patients."),
     ("INTERPRETATION", "Adding felzatamab to lenalidomide and dexamethasone prolonged progression-free survival in "
      "transplant-ineligible myeloma."),
     ("FUNDING", "Northwind Biologics.")],
    418, [o("ORR", 194, 210, 92.4, "recorded in 194", "FRd", ["FRd group", "felzatamab plus lenalidomide and dexamethasone"]),
          o("ORR", 175, 208, 84.1, "recorded in 194", "Rd", ["Rd group", "lenalidomide and dexamethasone alone"]),
          o("CR", 80, 210, 38.1, "recorded in 194", "FRd", ["FRd group", "felzatamab plus lenalidomide and dexamethasone"],
            cfp=True, optional=True),
          o("CR", 46, 208, 22.1, "recorded in 194", "Rd", ["Rd group", "lenalidomide and dexamethasone alone"],
            cfp=True, optional=True)],
    groups=[("FRd", 210), ("Rd", 208)], difficulty="hard"),

art(950000027, 2009, "Platelets and Immunity",
    "Numerical and functional deficiency of regulatory T cells in chronic immune thrombocytopenia", JA,
    [("BACKGROUND", "Defective regulatory T-cell (Treg) function has been implicated in the loss of tolerance in "
      "immune thrombocytopenia (ITP)."),
     ("METHODS", "We measured circulating CD4<sup>+</sup>CD25<sup>high</sup>FOXP3<sup>+</sup> Tregs by flow cytometry "
      "and their suppressive capacity in co-culture assays in 30 adults with chronic ITP and 20 age-matched healthy "
      "controls."),
     ("RESULTS", "Treg frequency was lower in patients than in controls (2.1% versus 4.3% of CD4<sup>+</sup> cells, "
      "P < 0.001), and suppression of autologous effector T-cell proliferation was reduced (38% versus 61%). Treg "
      "frequency correlated with platelet count (r = 0.52). Patients with a platelet count below 30 × "
      "10<sup>9</sup>/L had the lowest values."),
     ("CONCLUSIONS", "Numerical and functional Treg deficiency is a feature of chronic ITP.")],
    30, cohort_alt=[50], kind="negative", difficulty="easy"),

art(950000028, 2018, "Annals of Histiocytic Disorders",
    "Haemophagocytic lymphohistiocytosis in adults: diagnosis and management", JA + ["Review"],
    [(None, "Haemophagocytic lymphohistiocytosis (HLH) is a syndrome of uncontrolled immune activation that may be "
      "familial or secondary to infection, malignancy or autoimmune disease. Diagnosis relies on the HLH-2004 "
      "criteria, which were developed in children and perform less well in adults; the HScore offers a "
      "probabilistic alternative. In this review we summarise the pathophysiology of HLH, discuss the diagnostic "
      "value of ferritin, soluble CD25 and natural killer cell function, and outline current approaches to "
      "treatment, including etoposide, emapalumab, ruxolitinib and haematopoietic cell transplantation. We also "
      "propose a practical algorithm for the diagnostic work-up of adults with suspected HLH.")],
    None, kind="negative", difficulty="easy"),

art(950000029, 2017, "Thrombosis Epidemiology",
    "Incidence and mortality of immune thrombotic thrombocytopenic purpura over 16 years: a national registry study",
    JA + ["Observational Study"],
    [("BACKGROUND", "Population-based data on immune thrombotic thrombocytopenic purpura (iTTP) are scarce."),
     ("METHODS", "We used a national registry linked to hospital discharge data for 2000-2015 to estimate the "
      "incidence of iTTP and its mortality."),
     ("RESULTS", "We identified 312 patients with a first episode of iTTP. The annual incidence was 2.9 cases per "
      "million (95% CI 2.6-3.2), higher in women and in people of African ancestry. In-hospital mortality was 12.2% "
      "and fell from 18% in 2000-2004 to 8% in 2011-2015. Thirty-nine patients (12.5%) had at least one relapse "
      "during follow-up."),
     ("CONCLUSIONS", "The incidence of iTTP is stable while its mortality has fallen.")],
    312, kind="negative", difficulty="medium"),

art(950000030, 2024, "Trials in Haematology",
    "Thrombopoietin receptor agonist or rituximab as second-line therapy for adults with immune thrombocytopenia (TRIAGE): protocol for a pragmatic randomised trial",
    JA + ["Clinical Trial Protocol"],
    [("INTRODUCTION", "The best second-line treatment for adults with immune thrombocytopenia (ITP) is uncertain."),
     ("METHODS AND ANALYSIS", "This pragmatic, multicentre, open-label randomised trial will allocate 180 adults with "
      "persistent or chronic ITP to a thrombopoietin receptor agonist or rituximab. The primary outcome is durable "
      "platelet response at 12 months, defined as a platelet count ≥50 × 10<sup>9</sup>/L at 75% of assessments. "
      "Secondary outcomes include bleeding, quality of life and cost. With 90 participants per arm, the trial has "
      "80% power to detect a difference of 20 percentage points in response."),
     ("ETHICS AND DISSEMINATION", "The trial has been approved by the national ethics committee. Results will be "
      "published in peer-reviewed journals."),
     ("TRIAL REGISTRATION", "ISRCTN00000001.")],
    None, cohort_alt=[180], kind="negative", difficulty="medium"),

art(950000031, 2021, "Supportive Care in Leukaemia",
    "Health-related quality of life in untreated chronic lymphocytic leukaemia: a cross-sectional survey", JA,
    [("OBJECTIVE", "To describe health-related quality of life (HRQoL) in patients with chronic lymphocytic "
      "leukaemia (CLL) under watch-and-wait."),
     ("METHODS", "Cross-sectional survey using the EORTC QLQ-C30 and its CLL17 module in four outpatient clinics."),
     ("RESULTS", "Questionnaires were completed by 148 of 201 invited patients (response rate 73.6%). Fatigue was the "
      "most prominent symptom, with a mean score of 34.2, and worry about disease progression was reported by 41% "
      "of patients. Global health status was comparable to age-matched population norms."),
     ("CONCLUSIONS", "Patients with untreated CLL report fatigue and worry despite the absence of treatment.")],
    148, cohort_alt=[201], kind="negative", difficulty="medium"),

art(950000032, 2022, "Vaccines in Haematology",
    "Antibody response to mRNA COVID-19 vaccination in chronic lymphocytic leukaemia on Bruton tyrosine kinase inhibitors",
    JA,
    [("BACKGROUND", "Patients with B-cell malignancies receiving Bruton tyrosine kinase inhibitors (BTKi) respond "
      "poorly to vaccines."),
     ("METHODS", "Prospective study of antibody responses after two doses of an mRNA COVID-19 vaccine in patients "
      "with CLL on continuous BTKi therapy."),
     ("RESULTS", "Fifty-eight patients were enrolled. Seroconversion occurred in 23 of 58 patients (39.7%) after the "
      "second dose, and neutralising antibodies were detected in 14 (24.1%). Patients who had achieved a complete "
      "response to their previous chemoimmunotherapy were not more likely to respond to the vaccine. Response was "
      "less frequent in patients with hypogammaglobulinaemia (8 of 31, 25.8%)."),
     ("CONCLUSIONS", "Most patients with CLL on BTKi do not respond adequately to mRNA vaccination.")],
    58, groups=[("hypogammaglobulinaemia", 31)], kind="trap", difficulty="hard"),

art(950000033, 2020, "Health Economics in Haematology",
    "Cost-effectiveness of second-line treatments for adult immune thrombocytopenia: a Markov model", JA,
    [("BACKGROUND", "Thrombopoietin receptor agonists (TPO-RAs) and rituximab are both used after corticosteroid "
      "failure in immune thrombocytopenia (ITP)."),
     ("METHODS", "We built a Markov model comparing second-line romiplostim, eltrombopag and rituximab over a "
      "lifetime horizon from the perspective of the national health service. Response probabilities were taken "
      "from published trials: platelet response in 79% of patients with romiplostim, 59% with eltrombopag and 57% "
      "with rituximab."),
     ("RESULTS", "Rituximab followed by a TPO-RA was the least costly strategy, with an incremental "
      "cost-effectiveness ratio of €41,200 per quality-adjusted life year for starting with romiplostim. Results "
      "were most sensitive to the price of TPO-RAs and to the durability of response after rituximab."),
     ("CONCLUSIONS", "Starting with rituximab is likely to be cost-effective in adults with ITP.")],
    None, kind="trap", difficulty="hard"),

art(950000034, 2015, "Transfusion Medicine Today",
    "Platelet transfusion refractoriness during induction chemotherapy for acute myeloid leukaemia", JA,
    [("BACKGROUND", "Platelet transfusion refractoriness complicates the care of patients with acute myeloid "
      "leukaemia (AML)."),
     ("METHODS", "Retrospective analysis of adults with AML receiving induction chemotherapy at a single centre "
      "between 2009 and 2013, including patients with relapsed/refractory disease. Refractoriness was defined as "
      "two consecutive 1-hour corrected count increments below 5000."),
     ("RESULTS", "Of 87 patients, 14 (16.1%) became refractory to platelet transfusions, 9 of them with HLA class I "
      "antibodies. HLA-matched platelets produced an adequate increment in 7 of 9 immunised patients. Refractory "
      "patients had more bleeding events (43% versus 12%) and a longer hospital stay."),
     ("CONCLUSIONS", "Platelet refractoriness is common during AML induction and is often immune.")],
    87, kind="trap", difficulty="hard"),

art(950000035, 2023, "Melanoma and Immunotherapy",
    "RECIST 1.1 versus iRECIST in melanoma treated with first-line anti-PD-1 monotherapy: a retrospective re-reading",
    JA,
    [("BACKGROUND", "Atypical response patterns under immune checkpoint inhibitors challenge conventional response "
      "criteria."),
     ("METHODS", "We reviewed patients with unresectable stage III/IV melanoma treated with first-line anti-PD-1 "
      "monotherapy at our institution from 2016 to 2021, whose scans were re-read according to RECIST 1.1 and "
      "iRECIST."),
     ("RESULTS", "Fifty-four patients were included. The objective response rate was 38.9% (21/54) per RECIST 1.1 "
      "and 42.6% (23/54) per iRECIST; two patients with pseudoprogression later responded. Complete responses were "
      "seen in 6 patients (11.1%). Median progression-free survival was 7.8 months per RECIST 1.1."),
     ("CONCLUSIONS", "iRECIST identified a small number of additional responders.")],
    54, [o("ORR", 21, 54, 38.9, "38.9% (21/54)"),
         o("ORR", 23, 54, 42.6, "42.6% (23/54)"),
         o("CR", 6, 54, 11.1, "seen in 6 patients (11.1%)")], difficulty="medium"),

art(950000036, 1996, "Leukemia Clinical Reports",
    "Five-drug induction for adult acute lymphoblastic leukemia", JA + ["Clinical Trial"],
    [(None, "Eighty-eight adults aged 15 to 60 years with newly diagnosed acute lymphoblastic leukemia were treated "
      "with a five-drug induction regimen including daunorubicin, vincristine, prednisone, L-asparaginase and "
      "cyclophosphamide. Complete remission was obtained in 71 patients (81%); 9 patients had resistant disease and "
      "8 died during induction, mostly of infection. T-lineage and B-lineage disease had similar remission rates. "
      "With a median follow-up of 4 years, 29 patients remain in continuous first remission. Intensification of "
      "post-remission therapy is needed to improve long-term results.")],
    88, [o("CR", 71, 88, 81, "obtained in 71 patients (81%)"),
         o("NR", 9, 88, None, "9 patients had resistant disease")], difficulty="medium"),

art(950000037, 2012, "Pediatric Myeloid Research",
    "Fludarabine, cytarabine and liposomal daunorubicin for children with first relapse of acute myeloid leukaemia",
    JA + ["Multicenter Study"],
    [("BACKGROUND", "Children with relapsed acute myeloid leukaemia (AML) can be cured only if a second remission is "
      "achieved and consolidated with transplantation."),
     ("METHODS", "We report children with first relapse of AML treated with fludarabine, cytarabine and liposomal "
      "daunorubicin (FLA-DX) in a national study group between 2004 and 2010."),
     ("RESULTS", "Fifty-two children were treated. A second complete remission was achieved in 31 of 52 children "
      "(59.6%), and 11 (21.2%) had refractory disease. Early relapse (within 1 year of diagnosis) was associated with "
      "a lower second remission rate than late relapse (9 of 21 versus 22 of 31). Ten children died of infection "
      "during reinduction. Overall survival at 3 years was 38%."),
     ("CONCLUSIONS", "FLA-DX produces second remissions in the majority of children with relapsed AML.")],
    52, [o("CR", 31, 52, 59.6, "31 of 52 children (59.6%)"),
         o("NR", 11, 52, 21.2, "11 (21.2%) had refractory disease"),
         o("CR", 9, 21, None, "9 of 21 versus 22 of 31", "early relapse", ["early"]),
         o("CR", 22, 31, None, "9 of 21 versus 22 of 31", "late relapse", ["late"])],
    groups=[("early relapse", 21), ("late relapse", 31)], difficulty="hard"),

art(950000038, 2018, "Revista Nephrologica Iberica",
    "Rituximab versus steroids and cyclophosphamide in primary membranous nephropathy: experience of one centre",
    JA + ["Comparative Study"],
    [("INTRODUCTION", "Rituximab is increasingly used as first-line therapy in primary membranous nephropathy (MN) "
      "but comparisons with the cyclical regimen of steroids and cyclophosphamide in the clinical practice are few."),
     ("METHODS", "Retrospective observational study of patients with primary MN and nephrotic syndrome treated in "
      "our hospital with rituximab (n = 34) or with steroids and cyclophosphamide (n = 28) between 2010 and 2016."),
     ("RESULTS", "Sixty-two patients were included. At 12 months, remission (complete or partial) was reached by "
      "70.6% of patients treated with rituximab and by 75.0% with cyclophosphamide (p = 0.71). Complete remission "
      "was achieved by 9 (26.5%) and 10 (35.7%) patients, respectively. Adverse events were more frequent in the "
      "cyclophosphamide group (46.4% versus 17.6%)."),
     ("CONCLUSIONS", "Rituximab had a similar efficacy to cyclophosphamide with a better tolerability.")],
    62, [o("ORR", 24, 34, 70.6, "70.6% of patients", "rituximab", ["rituximab group"], cfp=True),
         o("ORR", 21, 28, 75.0, "75.0% with cyclophosphamide", "cyclophosphamide",
           ["steroids and cyclophosphamide", "cyclophosphamide group"], cfp=True),
         o("CR", 9, 34, 26.5, "by 9 (26.5%)", "rituximab", ["rituximab group"]),
         o("CR", 10, 28, 35.7, "10 (35.7%) patients", "cyclophosphamide",
           ["steroids and cyclophosphamide", "cyclophosphamide group"])],
    groups=[("rituximab", 34), ("cyclophosphamide", 28)], difficulty="hard"),

art(950000039, 2019, "JAMA Oncology Fictional",
    "Vemrastinib plus coremetinib in BRAF V600E-mutated anaplastic thyroid cancer: a phase 2 nonrandomized clinical trial",
    JA + ["Clinical Trial, Phase II", "Multicenter Study"],
    [("IMPORTANCE", "Few treatment options exist for patients with recurrent or metastatic anaplastic thyroid cancer."),
     ("OBJECTIVE", "To assess the activity of combined BRAF and MEK inhibition in BRAF V600E-mutated anaplastic "
      "thyroid cancer."),
     ("DESIGN, SETTING, AND PARTICIPANTS", "This open-label, single-arm phase 2 trial enrolled 41 patients at 9 "
      "academic centers between 2015 and 2018."),
     ("INTERVENTIONS", "Vemrastinib 150 mg twice daily plus the MEK inhibitor coremetinib 2 mg once daily until "
      "disease progression."),
     ("MAIN OUTCOMES AND MEASURES", "Investigator-assessed objective response rate according to RECIST version 1.1."),
     ("RESULTS", "Of the 41 patients (median age, 70 years; 22 [54%] women), 12 (29.3%; 95% CI, 16.1%-45.5%) had an "
      "objective response, including 2 complete responses. Median duration of response was 9.2 months, and "
      "12-month overall survival was 51%. Grade 3 or higher treatment-related adverse events occurred in 17 "
      "patients (41%)."),
     ("CONCLUSIONS AND RELEVANCE", "Combined BRAF and MEK inhibition is active in BRAF V600E-mutated anaplastic "
      "thyroid cancer."),
     ("TRIAL REGISTRATION", "ClinicalTrials.gov Identifier: NCT09990001.")],
    41, [o("ORR", 12, 41, 29.3, "12 (29.3%; 95% CI"),
         o("CR", 2, 41, None, "including 2 complete responses")], difficulty="medium"),

art(950000040, 2016, "Immune Thrombocytopenia Forum",
    "Low-dose rituximab in adult primary immune thrombocytopenia: a retrospective multicentre study", JA + ["Multicenter Study"],
    [("BACKGROUND", "Low-dose rituximab (100 mg weekly for 4 weeks) is an attractive alternative to the standard dose "
      "in immune thrombocytopenia (ITP)."),
     ("METHODS", "Retrospective multicentre study of adults with primary ITP treated with low-dose rituximab between "
      "2008 and 2014. Response (platelet count ≥30 × 10<sup>9</sup>/L with at least doubling) and complete response "
      "(≥100 × 10<sup>9</sup>/L) were assessed at 6 months."),
     ("RESULTS", "One hundred fifty-four patients were included. At 6 months the overall response was 61% and "
      "complete response 34%. Response was more frequent when rituximab was given within 2 years of diagnosis. At 5 "
      "years, 39% of initial responders remained in remission."),
     ("CONCLUSIONS", "Low-dose rituximab gives response rates comparable to historical results with the standard "
      "dose.")],
    154, [o("ORR", 94, 154, 61, "overall response was 61%", cfp=True),
          o("CR", None, None, 34, "complete response 34%")], difficulty="hard"),
]
