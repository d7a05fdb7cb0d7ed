#!/usr/bin/env python3
"""Draws an exported XorNet ONNX model's graph as an SVG in the layout Netron uses.

Usage: python3 docs/onnx_graph.py model.onnx > docs/onnx-graph.svg

Netron draws an ONNX graph top to bottom: the input, then one box per node titled with its operator (MatMul, Add,
Sigmoid, ...), the initialisers a node takes listed inside its box with their shapes (W <2x4>, B <1x4>), the edges
labelled with the tensor shapes, and the output at the bottom. This script reads the file with the onnx package and
draws the same picture, so that what it shows is what the file holds.
"""
import sys
from html import escape

import onnx

ROW, WIDTH, X0 = 26, 230, 60
COLOURS = {"MatMul": "#3a6fb0", "Add": "#5d5d5d", "Sigmoid": "#8c3f2b", "Tanh": "#8c3f2b", "Relu": "#8c3f2b"}


def shape(value_or_tensor):
    if isinstance(value_or_tensor, onnx.TensorProto):
        return "\u00d7".join(str(d) for d in value_or_tensor.dims)
    dims = value_or_tensor.type.tensor_type.shape.dim
    return "\u00d7".join(d.dim_param or str(d.dim_value) for d in dims)


def main(path):
    model = onnx.load(path)
    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    kind = {1: "float32", 11: "float64"}[graph.input[0].type.tensor_type.elem_type]
    parts, y = [], 20

    def box(title, lines, colour, rounded=True):
        nonlocal y
        height = ROW + ROW * len(lines)
        parts.append(f'<rect x="{X0}" y="{y}" width="{WIDTH}" height="{height}" rx="{8 if rounded else 2}" '
                     f'fill="#fff" stroke="#888"/>')
        parts.append(f'<rect x="{X0}" y="{y}" width="{WIDTH}" height="{ROW}" rx="{8 if rounded else 2}" fill="{colour}"/>')
        parts.append(f'<text x="{X0 + 10}" y="{y + 18}" fill="#fff" font-weight="bold">{escape(title)}</text>')
        for i, line in enumerate(lines):
            parts.append(f'<text x="{X0 + 10}" y="{y + ROW * (i + 1) + 18}">{escape(line)}</text>')
        y += height

    def edge(label):
        nonlocal y
        mid = X0 + WIDTH / 2
        parts.append(f'<line x1="{mid}" y1="{y}" x2="{mid}" y2="{y + 34}" stroke="#555" marker-end="url(#arrow)"/>')
        parts.append(f'<text x="{mid + 8}" y="{y + 22}" fill="#555" font-size="11">{escape(label)}</text>')
        y += 40

    box(graph.input[0].name, [f"{kind}[{shape(graph.input[0])}]"], "#333")
    edge(shape(graph.input[0]))
    for node in graph.node:
        lines = [f"{'B' if n.startswith('b') else 'W'} \u27e8{shape(weights[n])}\u27e9  ({n})"
                 for n in node.input if n in weights]
        box(node.op_type, [node.name] + lines, COLOURS.get(node.op_type, "#555"))
        out = node.output[0]
        edge(out if out == graph.output[0].name else f"{out}")
    box(graph.output[0].name, [f"{kind}[{shape(graph.output[0])}]"], "#333")

    height = y + 20
    print(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH + 2 * X0}" height="{height}" '
          f'viewBox="0 0 {WIDTH + 2 * X0} {height}" font-family="Helvetica, Arial, sans-serif" font-size="13">')
    print('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
          'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>')
    print(f'<rect width="100%" height="100%" fill="#f8f8f8"/>')
    print("\n".join(parts))
    print("</svg>")


if __name__ == "__main__":
    main(sys.argv[1])
