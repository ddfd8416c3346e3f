package dev.polylink.xqr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells Immutables (which recognises the annotation by this simple name) that a map attribute keeps
 * {@code null} values: a vendor's JSON object as sent, where {@code "x": null} is part of the answer.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.SOURCE)
@interface AllowNulls {}
