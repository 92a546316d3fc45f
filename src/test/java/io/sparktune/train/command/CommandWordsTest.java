package io.sparktune.train.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandWordsTest {

    @Test
    void quotesAndBackslashesGroupWordsAsAShellWould() {
        assertEquals(List.of("python3", "my dir/train.py", "--tag", "it's", "a\"b", "$(id)", "x y"),
                CommandWords.split("  python3 'my dir/train.py' --tag \"it's\" \"a\\\"b\" '$(id)' x\\ y "));
    }

    @Test
    void shellSyntaxOutsideQuotesStaysLiteral() {
        assertEquals(List.of("echo", "$HOME", ";", "rm", "*", "|", "cat"), CommandWords.split("echo $HOME ; rm * | cat"));
    }
}
