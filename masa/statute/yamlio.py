"""Reading statute YAML with line numbers, so every error can say `file:line: message`."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode


class LineMap(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on and the line of each key (1-based)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineLoader(yaml.SafeLoader):
    """SafeLoader that builds `LineMap`s, reports duplicate keys and keeps dates as strings.

    Dates stay strings so that a bad date ("2023-13-45") is reported with its line by the
    validator instead of failing inside the YAML constructor.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str]] = []

    def construct_line_map(self, node: MappingNode, deep: bool = False) -> LineMap:
        self.flatten_mapping(node)
        mapping = LineMap()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                self.duplicate_keys.append((key_line, key))
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.key_lines[key] = key_line
        return mapping


def _construct_map(loader: LineLoader, node: MappingNode) -> LineMap:
    return loader.construct_line_map(node, deep=True)


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def read_yaml(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """Parse one document. Returns (data, duplicate keys as (line, key)); raises YamlSyntaxError."""
    loader = LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = " ".join(part for part in (exc.context, exc.problem) if part)
        raise YamlSyntaxError(line, f"YAML syntax error: {problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, f"YAML error: {exc}") from exc
    finally:
        loader.dispose()
    return data, loader.duplicate_keys
