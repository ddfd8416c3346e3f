// Shared by the consumers' setup.groovy (evaluated in their binding: basedir, readmeFile,
// sharedDir, testkitTestSources). Takes the consumer's pom.xml and code from the root README.md
// text, so that what the README shows is what is built and run.

String readme = new File(readmeFile).getText('UTF-8')

// The first fenced block of the given language after the heading "## <heading>".
block = { String heading, String language ->
  int section = readme.indexOf("\n## " + heading + "\n")
  if (section < 0) {
    throw new IllegalStateException("README.md has no '## " + heading + "' section (consumer-tests reads it)")
  }
  String fence = "```" + language + "\n"
  int start = readme.indexOf(fence, section)
  int next = readme.indexOf("\n## ", section + 1)
  if (start < 0 || (next >= 0 && start > next)) {
    throw new IllegalStateException("README.md's '## " + heading + "' section has no " + fence.trim() + " block")
  }
  start += fence.length()
  return readme.substring(start, readme.indexOf("```\n", start))
}

// Replaces the line holding `marker` in `file` by `text`, indented like the marker.
insert = { File file, String marker, String text ->
  String source = file.getText('UTF-8')
  int at = source.indexOf(marker)
  if (at < 0) {
    throw new IllegalStateException(file.toString() + " has no '" + marker + "' line")
  }
  int lineStart = source.lastIndexOf('\n', at) + 1
  String indent = source.substring(lineStart, at)
  String indented = text.readLines().collect { it.isEmpty() ? it : indent + it }.join('\n')
  file.setText(source.substring(0, lineStart) + indented + source.substring(source.indexOf('\n', at)), 'UTF-8')
}

copy = { File from, File to ->
  to.parentFile.mkdirs()
  to.setText(from.getText('UTF-8'), 'UTF-8')
  return to
}

// pom.xml: the README's Install block inside the consumer's own <project>.
insert(new File(basedir, 'pom.xml'), '<!-- README.md: Install -->', block('Install', 'xml'))

// The README's Usage snippet as the body of com.example.app.Usage.main, and the test that runs it.
File usage = copy(new File(sharedDir, 'Usage.java'), new File(basedir, 'src/main/java/com/example/app/Usage.java'))
insert(usage, '// README.md: Usage', block('Usage', 'java'))
copy(new File(sharedDir, 'UsageTest.java'), new File(basedir, 'src/test/java/com/example/app/UsageTest.java'))
return true
