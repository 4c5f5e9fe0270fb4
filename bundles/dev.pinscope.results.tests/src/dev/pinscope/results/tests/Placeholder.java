package dev.pinscope.results.tests;
