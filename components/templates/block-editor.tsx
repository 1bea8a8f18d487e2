"use client";
export { BlockEditor } from "./email-editor/block-editor";
