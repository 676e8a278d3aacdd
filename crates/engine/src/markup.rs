//! Markdown and LaTeX to a safe tree (placeholder: the markup helper replaces this file).
