using EdgarSharp.Cli;

return EdgarApp.Run(args, Console.Out, Console.Error);
