"""Differential test of Lotsen's RDF parsers against rdflib (scripts/rdf-check runs it).

For every input: rdflib and `lotsen-rdf parse` must both accept it or both refuse it, and when both accept it the two
graphs must be isomorphic (rdflib.compare.isomorphic, after rdflib reads Lotsen's N-Triples, so both sides get rdflib's
literal normalisation). For files of the W3C Turtle suite the manifest says what is right; where rdflib departs from
it the case is listed in RDFLIB_DEPARTURES and Lotsen is held to the manifest instead.

    python rdf_differential.py LOTSEN_RDF W3C_FOLDER [EXTRA_FILE ...]
"""
import subprocess
import sys
import warnings
from pathlib import Path

import rdflib
from rdflib.compare import isomorphic

warnings.filterwarnings("ignore")
import logging

logging.disable(logging.CRITICAL)

W3C_BASE = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/"
RDFT = "http://www.w3.org/ns/rdftest#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"

# Where rdflib 7.6.0 does not do what the W3C Turtle suite says (checked by hand against the Turtle 1.1 grammar);
# each with the reason.
RDFLIB_DEPARTURES = {
    "IRI-resolution-01.ttl": "rdflib resolves these relative IRIs differently from RFC 3986 as the suite's expected graph has them",
    "IRI-resolution-02.ttl": "rdflib resolves these relative IRIs differently from RFC 3986 as the suite's expected graph has them",
    "IRI-resolution-07.ttl": "rdflib resolves these relative IRIs differently from RFC 3986 as the suite's expected graph has them",
    "IRI-resolution-08.ttl": "rdflib resolves these relative IRIs differently from RFC 3986 as the suite's expected graph has them",
    "turtle-syntax-bad-LITERAL2_with_langtag_and_datatype.ttl": "rdflib accepts a literal with both a language tag and a datatype",
    "turtle-syntax-bad-esc-02.ttl": "rdflib accepts a malformed \\u or \\U escape in a string",
    "turtle-syntax-bad-esc-03.ttl": "rdflib accepts a malformed \\u or \\U escape in a string",
    "turtle-syntax-bad-esc-04.ttl": "rdflib accepts a malformed \\u or \\U escape in a string",
    "turtle-syntax-bad-kw-04.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-kw-05.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-ln-dash-start.ttl": "rdflib accepts a local name starting with '-'",
    "turtle-syntax-bad-n3-extras-03.ttl": "rdflib accepts Notation3 syntax that is not Turtle",
    "turtle-syntax-bad-n3-extras-04.ttl": "rdflib accepts Notation3 syntax that is not Turtle",
    "turtle-syntax-bad-n3-extras-06.ttl": "rdflib accepts Notation3 syntax that is not Turtle",
    "turtle-syntax-bad-numeric-escape-01.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-02.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-03.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-04.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-05.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-06.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-07.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-08.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-09.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-numeric-escape-10.ttl": "rdflib accepts a \\u escape of a surrogate or beyond U+10FFFF",
    "turtle-syntax-bad-string-06.ttl": "rdflib accepts a long string closed by four quotes, with a language tag after it",
    "turtle-syntax-bad-string-07.ttl": "rdflib accepts a long string closed by four quotes, with a language tag after it",
    "turtle-syntax-bad-struct-04.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-05.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-06.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-07.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-14.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-15.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-16.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-struct-17.ttl": "rdflib accepts a literal or blank node where Turtle allows neither",
    "turtle-syntax-bad-uri-01.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-02.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-03.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-04.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-05.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-escape-01.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-escape-02.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-escape-03.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
    "turtle-syntax-bad-uri-escape-04.ttl": "rdflib accepts characters and escapes Turtle's IRIREF forbids",
}


def plain_strings(graph):
    """rdflib keeps "x"^^xsd:string apart from "x"; in RDF 1.1 they are the same literal."""
    out = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.datatype == rdflib.XSD.string:
            o = rdflib.Literal(str(o))
        out.add((s, p, o))
    return out


def lotsen(tool, path, base, fmt):
    run = subprocess.run([tool, "parse", str(path), "--base", base, "--format", fmt], capture_output=True, text=True)
    if run.returncode == 0:
        return rdflib.Graph().parse(data=run.stdout, format="nt"), None
    return None, run.stderr.strip()


def reference(path, base, fmt):
    try:
        return plain_strings(rdflib.Graph().parse(str(path), format="json-ld" if fmt == "jsonld" else "turtle", publicID=base)), None
    except Exception as error:  # rdflib raises many kinds
        return None, f"{type(error).__name__}: {str(error)[:200]}"


def manifest_expectations(folder):
    manifest = rdflib.Graph().parse(str(folder / "manifest.ttl"), format="turtle", publicID=W3C_BASE + "manifest.ttl")
    expected = {}
    for kind, accept in (("TestTurtleEval", True), ("TestTurtlePositiveSyntax", True), ("TestTurtleNegativeSyntax", False), ("TestTurtleNegativeEval", False)):
        for test in manifest.subjects(rdflib.RDF.type, rdflib.URIRef(RDFT + kind)):
            action = manifest.value(test, rdflib.URIRef(MF + "action"))
            result = manifest.value(test, rdflib.URIRef(MF + "result"))
            expected[str(action).rsplit("/", 1)[-1]] = (accept, str(result).rsplit("/", 1)[-1] if result else None)
    return expected


def main():
    tool, folder, extras = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    expected = manifest_expectations(folder)
    inputs = [(folder / name, W3C_BASE + name, "turtle", expected[name]) for name in sorted(expected)]
    inputs += [(Path(p), "https://example.org/rdf-check/" + Path(p).name, "jsonld" if p.endswith((".jsonld", ".json")) else "turtle", (None, None))
        for p in extras]
    failures, departures = [], 0
    for path, base, fmt, (should_accept, result) in inputs:
        ours, our_error = lotsen(tool, path, base, fmt)
        if result and ours is not None:
            correct = plain_strings(rdflib.Graph().parse(str(folder / result), format="nt", publicID=W3C_BASE + result))
            if not isomorphic(ours, correct):
                failures.append(f"{path.name}: Lotsen's graph is not the one the W3C suite expects")
        theirs, their_error = reference(path, base, fmt)
        name = path.name
        if name in RDFLIB_DEPARTURES:
            departures += 1
            if should_accept is not None and (ours is not None) != should_accept:
                failures.append(f"{name}: Lotsen {'accepts' if ours is not None else 'refuses'} it, the W3C suite says otherwise ({our_error})")
            continue
        if (ours is None) != (theirs is None):
            failures.append(f"{name}: Lotsen {'refuses' if ours is None else 'accepts'} it ({our_error}), rdflib {'refuses' if theirs is None else 'accepts'} it ({their_error})")
        elif ours is not None and not isomorphic(ours, theirs):
            failures.append(f"{name}: both accept it but the graphs differ ({len(ours)} and {len(theirs)} triples)")
        if should_accept is not None and (ours is not None) != should_accept:
            failures.append(f"{name}: Lotsen {'accepts' if ours is not None else 'refuses'} it, the W3C suite says otherwise")
    for failure in failures:
        print("rdf-check: " + failure, file=sys.stderr)
    print(f"rdf-check: {len(inputs)} files, {len(failures)} disagreements, {departures} known rdflib departures from the W3C suite")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
