"""The wording checks of ``careerladder.lint.wording``: a statement repeated along an inheritance chain
(and not a parallel statement of two levels), and a quality without an action, on ladders written by us."""

from __future__ import annotations

from careerladder.pipeline import lint_paths

HEAD = "---\norganization: Tallow Yard\n---\n# Tallow Yard management levels\n\n"


def _found(path, code):
    return [f for f in lint_paths([path], select={code}).findings if f.code == code]


def _ladder(lower: str, upper: str) -> str:
    return (HEAD + "## Engineering Manager\n\n- Plans each sprint with the product manager.\n- " + lower + "\n\n"
            "## Senior Engineering Manager\n\n*Same as Engineering Manager, but also...*\n\n"
            "- Owns the roadmap of two teams for the next two quarters.\n- " + upper + "\n")


def test_a_copied_line_is_a_repeat_inflection_and_function_words_aside(write):
    path = write("copy/ladder.md", _ladder("Implements process improvements and reports them to the team.",
                                           "Implement process improvements, and they report them to the team."))
    found, = _found(path, "REPEATED_STATEMENT")
    assert found.line == 16 and "'Engineering Manager' (line 9)" in found.message


def test_lines_that_differ_in_a_content_word_are_parallel_not_repeats(write):
    for name, upper in (("size", "Implements major process improvements and reports them to the team."),
                        ("scope", "Implements minor process improvements and reports them to the company."),
                        ("number", "Implements 2 minor process improvements and reports them to the team.")):
        path = write(f"{name}/ladder.md", _ladder("Implements minor process improvements and reports them to "
                                                  "the team.", upper))
        assert not _found(path, "REPEATED_STATEMENT"), name


def test_a_level_that_does_not_inherit_is_not_compared(write):
    text = _ladder("Implements minor process improvements and reports them to the team.",
                   "Implements minor process improvements and reports them to the team.")
    path = write("alone/ladder.md", text.replace("*Same as Engineering Manager, but also...*\n\n", ""))
    assert not _found(path, "REPEATED_STATEMENT")


def test_vague_items_but_not_evidence_names_or_prose(write):
    path = write("vague/engineering-manager.md", "---\norganization: Tallow Yard\n---\n# Engineering Manager\n\n"
                 "A manager with a strong people mindset.\n\n"
                 "- Strong communication skills and a positive attitude to feedback.\n"
                 "- Evidence of strong people leadership in the last two years.\n"
                 "- Runs a weekly one-on-one with every engineer on the team.\n\n### Values\n\n"
                 "- Strong ownership\n- Good judgment\n- Clear writing\n")
    assert [f.line for f in _found(path, "VAGUE_STATEMENT")] == [8]
