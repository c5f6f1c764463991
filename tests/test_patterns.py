"""Every rule in patterns/ carries examples it must and must not match; each becomes a test."""

from __future__ import annotations

import pytest

from extractor.rules import RuleFile, lexicon_files, load_lexicon, load_rules, rule_files

CASES = []
for name in rule_files():
    rf = load_rules(name)
    for rule in rf.rules:
        for ex in rule.examples.match:
            CASES.append(pytest.param(name, rule.id, ex, True, id=f"{name}:{rule.id}:match:{ex[:40]}"))
        for ex in rule.examples.no_match:
            CASES.append(pytest.param(name, rule.id, ex, False, id=f"{name}:{rule.id}:no_match:{ex[:40]}"))


@pytest.mark.parametrize("name,rule_id,example,should_match", CASES)
def test_rule_example(name: str, rule_id: str, example: str, should_match: bool) -> None:
    rule = load_rules(name).by_id(rule_id)
    found = rule.regex.search(example) is not None
    assert found == should_match, f"{rule_id} {'missed' if should_match else 'matched'}: {example!r}"


@pytest.mark.parametrize("name", rule_files())
def test_every_rule_has_positive_and_negative_examples(name: str) -> None:
    for rule in load_rules(name).rules:
        assert rule.examples.match, f"{name}:{rule.id} has no must-match example"
        assert rule.examples.no_match, f"{name}:{rule.id} has no must-not-match example"


@pytest.mark.parametrize("name", lexicon_files())
def test_lexicons_load(name: str) -> None:
    assert load_lexicon(name).entries


def test_rule_file_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError):
        RuleFile.model_validate({"field": "x", "rules": [{"id": "a", "label": "l", "pattern": "a", "colour": "red"}]})


def test_rule_file_rejects_duplicate_ids_and_bad_labels() -> None:
    with pytest.raises(ValueError):
        RuleFile.model_validate({"field": "x", "rules": [{"id": "a", "label": "l", "pattern": "a"}] * 2})
    with pytest.raises(ValueError):
        RuleFile.model_validate({"field": "x", "labels": ["p"], "rules": [{"id": "a", "label": "q", "pattern": "a"}]})


def test_placeholders_are_filled_and_undefined_ones_rejected() -> None:
    rf = RuleFile.model_validate(
        {"field": "x", "defines": {"num": r"\d+"}, "rules": [{"id": "a", "label": "l", "pattern": "n=<<num>>"}]}
    )
    assert rf.rules[0].regex.search("n=12")
    with pytest.raises(ValueError):
        RuleFile.model_validate({"field": "x", "rules": [{"id": "a", "label": "l", "pattern": "<<nope>>"}]})
