// The framework's floor for start-up: the smallest Ink app, bundled the same way as the CLI.
import React from 'react';
import {render, Text} from 'ink';

render(<Text>ready</Text>);
