#!/usr/bin/env python3
"""Generates src/EdgarSharp/Xbrl/Catalog/edgar-taxonomies.tsv, EdgarSharp's built-in table of standard taxonomies.

Run once, from the repository root, when EDGAR publishes a new list:

    python3 tools/edgar-taxonomies/generate.py \
        ../shared/corpus/xbrl-filings/taxonomies/edgartaxonomies/edgartaxonomies-all-years.xml \
        > src/EdgarSharp/Xbrl/Catalog/edgar-taxonomies.tsv

What it does:
- reads EDGAR's list (https://www.sec.gov/info/edgar/edgartaxonomies.xml, all years): every <Loc> whose AttType
  is SCH, whose Href is a schema (.xsd) and which names a Namespace;
- keeps one row per schema URL, http and https counting as one URL (the row kept is the one whose Family
  matches the URL's folder (BASE for xbrl.org), whose Version matches the URL's year, outside the "IM" releases,
  with a prefix, first in the file);
- applies the corrections listed in CORRECTIONS below (each a plain error in EDGAR's list, with its reason)
  and the prefixes of PREFIX_FILLS (rows EDGAR lists without a prefix);
- fills a missing prefix from the namespace where the namespace follows the FASB/SEC/XBRL US pattern
  (http://fasb.org/NAME/VERSION, http://xbrl.sec.gov/NAME/VERSION, http://xbrl.us/NAME/VERSION,
  http://fasb.org/dis/NAME/VERSION), the DTR types pattern (dtr-types) or the link role registry pattern
  (http://www.xbrl.org/2009/role/NAME: NAME, as the registry's own schemas declare it);
- appends the XBRL International and W3C vocabularies that filings use and the list lacks (ADDITIONS below).

Columns: family, version, namespace, prefix (may be empty), schema URL (empty for vocabularies without one).
The library reads the table at run time from its embedded copy; it never reads EDGAR's list itself.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Corrections: (schema URL, column, wrong value, right value, reason). The generator fails when a wrong value
# is no longer there, so a corrected EDGAR list makes the correction disappear instead of lingering.
CORRECTIONS = [
    ("http://xbrl.fasb.org/us-gaap/2020/elts/us-types-2020-01-31.xsd", "namespace",
     "http://fasb.org/us-types/2019-01-31", "http://fasb.org/us-types/2020-01-31",
     "EDGAR lists the 2019 namespace for the 2020 schema; every other us-types row follows its file name"),
    ("http://xbrl.ifrs.org/taxonomy/2013-09-09/ifrs-cor_2013-09-09.xsd", "prefix", "currency", "ifrs",
     "EDGAR gives the IFRS 2013 schema the prefix of the SEC currency taxonomy"),
    ("http://xbrl.ifrs.org/taxonomy/2014-03-05/full_ifrs/full_ifrs-cor_2014-03-05.xsd", "prefix", "currency", "ifrs-full",
     "EDGAR gives the IFRS 2014 schema the prefix of the SEC currency taxonomy"),
    ("http://xbrl.ifrs.org/taxonomy/2014-03-05/ifrs_for_smes/ifrs_for_smes-cor_2014-03-05.xsd", "prefix", "currency", "ifrs-smes",
     "EDGAR gives the IFRS for SMEs 2014 schema the prefix of the SEC currency taxonomy"),
    ("http://xbrl.ifrs.org/taxonomy/2015-03-11/full_ifrs/full_ifrs-cor_2015-03-11.xsd", "prefix", "ifrs", "ifrs-full",
     "the namespace is .../ifrs-full, whose prefix is ifrs-full in every other year"),
    ("https://xbrl.fasb.org/us-gaap/2024/ebp/elts/us-gaap-ebp-2024.xsd", "prefix", "us-gaap", "us-gaap-ebp",
     "us-gaap belongs to http://fasb.org/us-gaap/2024; filings declare us-gaap-ebp for the EBP namespace"),
    ("https://xbrl.fasb.org/us-gaap/2025/ebp/elts/us-gaap-ebp-2025.xsd", "prefix", "us-gaap", "us-gaap-ebp",
     "us-gaap belongs to http://fasb.org/us-gaap/2025; filings declare us-gaap-ebp for the EBP namespace"),
    ("https://xbrl.sec.gov/spac/2025q3/spac-2025q3_lab.xsd", "prefix", "spac", "spac-lab",
     "spac belongs to http://xbrl.sec.gov/spac/2025q3; the label schema's namespace is spac-lab"),
    ("https://xbrl.sec.gov/sbs/2024/sbs-sbsef-com-2024.xsd", "prefix", "sbs", "sbs-sbsef-com",
     "sbs belongs to http://xbrl.sec.gov/sbs/2024; the entry point's namespace is sbs-sbsef-com"),
    ("https://xbrl.sec.gov/sbs/2025/sbs-sbsef-com-2025.xsd", "prefix", "sbs", "sbs-sbsef-com",
     "sbs belongs to http://xbrl.sec.gov/sbs/2025; the entry point's namespace is sbs-sbsef-com"),
    ("http://www.xbrl.org/us/fr/gaap/ins/2005-02-28/us-gaap-ins-2005-02-28.xsd", "prefix", "us-gaap-im", "us-gaap-ins",
     "us-gaap-im belongs to .../gaap/im/2005-06-28"),
]

# Prefixes for rows EDGAR lists without one and whose namespace follows no pattern: (schema URL, prefix, reason).
PREFIX_FILLS = [
    ("http://www.xbrl.org/lrr/role/negated-2008-03-31.xsd", "negated",
     "the 2008 negated-label role schema; filings declare it as negated, like its 2009 successor"),
    ("https://www.xbrl.org/2023/calculation-1.1.xsd", "calc",
     "the prefix the Calculations 1.1 specification and inline filings use"),
]

# Vocabularies EDGAR's list lacks (or lists without a prefix) that filings and the XBRL specifications use.
# (family, version, namespace, prefix, schema URL); public facts of the XBRL and W3C specifications.
ADDITIONS = [
    ("BASE", "2003", "http://www.xbrl.org/2003/iso4217", "iso4217", ""),
    ("BASE", "2009", "http://www.xbrl.org/2009/utr", "utr", "http://www.xbrl.org/utr/utr.xsd"),
    ("BASE", "2008", "http://xbrl.org/2008/generic", "gen", "http://www.xbrl.org/2008/generic-link.xsd"),
    ("BASE", "2008", "http://xbrl.org/2008/label", "label", "http://www.xbrl.org/2008/generic-label.xsd"),
    ("BASE", "2008", "http://xbrl.org/2008/reference", "reference", "http://www.xbrl.org/2008/generic-reference.xsd"),
    ("BASE", "2009", "http://www.xbrl.org/2009/role/reference", "reference", "http://www.xbrl.org/lrr/role/reference-2009-12-16.xsd"),
    ("BASE", "2009", "http://www.xbrl.org/2009/role/positive", "positive", "http://www.xbrl.org/lrr/role/positive-2009-12-16.xsd"),
    ("BASE", "2009", "http://www.xbrl.org/2009/role/negative", "negative", "http://www.xbrl.org/lrr/role/negative-2009-12-16.xsd"),
    ("BASE", "2008", "http://www.xbrl.org/2008/inlineXBRL", "ix", "http://www.xbrl.org/2008/inlineXBRL/xhtml-inlinexbrl-1_0-definitions.xsd"),
    ("BASE", "2013", "http://www.xbrl.org/2013/inlineXBRL", "ix", "http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1-definitions.xsd"),
    ("BASE", "2013", "http://www.w3.org/1999/xhtml", "xhtml", "http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd"),
    ("BASE", "2010", "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20", "ixt", ""),
    ("BASE", "2011", "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31", "ixt", ""),
    ("BASE", "2015", "http://www.xbrl.org/inlineXBRL/transformation/2015-02-26", "ixt", ""),
    ("BASE", "2020", "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12", "ixt", ""),
    ("BASE", "2022", "http://www.xbrl.org/inlineXBRL/transformation/2022-02-16", "ixt", ""),
    ("BASE", "2015", "http://www.sec.gov/inlineXBRL/transformation/2015-08-31", "ixt-sec", ""),
    ("BASE", "2001", "http://www.w3.org/2001/XMLSchema", "xsd", "http://www.w3.org/2001/XMLSchema.xsd"),
    ("BASE", "2001", "http://www.w3.org/2001/XMLSchema-instance", "xsi", ""),
    ("BASE", "2001", "http://www.w3.org/XML/1998/namespace", "xml", "http://www.w3.org/2001/xml.xsd"),
]

SEC_HOSTS = {
    "xbrl.fasb.org": "http://fasb.org/",
    "xbrl.sec.gov": "http://xbrl.sec.gov/",
    "taxonomies.xbrl.us": "http://xbrl.us/",
    "xbrl.us": "http://xbrl.us/",
}


def schemeless(url):
    return re.sub(r"^https?://", "", url, flags=re.I)


def derived_prefix(ns):
    m = re.match(r"^http://(?:fasb\.org|xbrl\.sec\.gov|xbrl\.us)/(?:(?:dis|stm)/)?([A-Za-z][\w.-]*)/[^/]+$", ns)
    if m:
        return m.group(1)
    if re.match(r"^http://www\.xbrl\.org/dtr/type/\d{4}-\d{2}-\d{2}$", ns):
        return "dtr-types"
    # Link role registry schemas declare their own namespace with its last segment (negated, net, deprecated).
    m = re.match(r"^http://www\.xbrl\.org/2009/(?:role|arcrole)/([a-z]+)$", ns)
    if m:
        return m.group(1)
    return ""


def main(path):
    root = ET.parse(path).getroot()
    rows = []
    for index, loc in enumerate(root.iter("Loc")):
        href = (loc.findtext("Href") or "").strip()
        ns = (loc.findtext("Namespace") or "").strip()
        if (loc.findtext("AttType") or "").strip() != "SCH" or not href.lower().endswith(".xsd") or not ns:
            continue
        rows.append({
            "family": (loc.findtext("Family") or "").strip(),
            "version": (loc.findtext("Version") or "").strip(),
            "namespace": ns,
            "prefix": (loc.findtext("Prefix") or "").strip(),
            "url": href,
            "order": index,
        })

    def score(r):
        m = re.match(r"^https?://[^/]+/([^/]+)/(\d{4})", r["url"])
        folder, year = (m.group(1), m.group(2)) if m else ("", "")
        family_match = r["family"].lower().replace(" ", "-") == folder.lower() or (
            r["family"] == "BASE" and re.match(r"^https?://(?:www\.)?xbrl\.org/", r["url"]) is not None)
        year_match = year != "" and r["version"][:4] == year
        return (not family_match, not year_match, " IM" in r["version"], not r["prefix"], r["order"])

    chosen = {}
    for r in sorted(rows, key=score):
        chosen.setdefault(schemeless(r["url"]).lower(), r)

    for url, column, wrong, right, _reason in CORRECTIONS:
        r = chosen.get(schemeless(url).lower())
        if r is None or r[column] != wrong:
            sys.exit(f"correction no longer applies: {url} {column} {wrong!r}")
        r[column] = right

    for url, prefix, _reason in PREFIX_FILLS:
        r = chosen.get(schemeless(url).lower())
        if r is None or r["prefix"]:
            sys.exit(f"prefix fill no longer applies: {url}")
        r["prefix"] = prefix

    for r in chosen.values():
        if not r["prefix"]:
            r["prefix"] = derived_prefix(r["namespace"])

    def rank(r):
        # The schema that defines a namespace comes before its label/presentation variants.
        return 1 if re.search(r"_[a-z]+\.xsd$", r["url"]) else 0

    out = sorted(chosen.values(), key=lambda r: (r["family"], r["version"], rank(r), r["url"]))
    print("# EdgarSharp's table of standard taxonomies: family, version, namespace, prefix, schema URL (tab-separated).")
    print("# Generated by tools/edgar-taxonomies/generate.py from EDGAR's edgartaxonomies.xml (all years);")
    print("# corrections and additions are listed in that script. Do not edit by hand.")
    for r in out:
        print("\t".join((r["family"], r["version"], r["namespace"], r["prefix"], r["url"])))
    known = {schemeless(r["url"]).lower() for r in out}
    print("# Added: XBRL International and W3C vocabularies that EDGAR's list lacks.")
    for family, version, ns, prefix, url in ADDITIONS:
        if url and schemeless(url).lower() in known:
            sys.exit(f"addition already in EDGAR's list: {url}")
        print("\t".join((family, version, ns, prefix, url)))


if __name__ == "__main__":
    main(sys.argv[1])
